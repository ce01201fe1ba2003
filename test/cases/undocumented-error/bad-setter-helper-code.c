/*
 * Errors go through a small setter that tolerates a NULL error pointer. The
 * code passed to it is what WSPConnect reports.
 */
#include <ws2spi.h>

typedef struct _VC {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    BOOL            PeerClosed;
    BOOL            HalfOpen;
} VC;

VC *VcFind(SOCKET s);

static __inline VOID
SetSockError(_Out_opt_ LPINT lpErrno, _In_ INT Code)
{
    if (lpErrno != NULL)
        *lpErrno = Code;
}

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    VC *vc = VcFind(s);

    if (vc == NULL) {
        SetSockError(lpErrno, WSAENOTSOCK);
        return SOCKET_ERROR;
    }

    if (vc->HalfOpen) {
        SetSockError(lpErrno, WSAEALREADY);
        return SOCKET_ERROR;
    }

    if (vc->PeerClosed) {
        SetSockError(lpErrno, WSAENOTCONN); /* expect: undocumented-error */
        return SOCKET_ERROR;
    }

    return vc->Next->lpWSPConnect(vc->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
