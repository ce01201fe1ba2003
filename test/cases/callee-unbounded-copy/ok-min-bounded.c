/*
 * The copy length is min(reply, lpCalleeData->len), through the Windows min()
 * macro; the reply is truncated to the caller's buffer.
 */
#include <windows.h>
#include <ws2spi.h>

typedef struct _RP_SOCK {
    CHAR  Reply[1024];
    ULONG ReplyLen;
} RP_SOCK;

RP_SOCK *RpLookup(SOCKET s);
int RpHandshake(RP_SOCK *rp, const struct sockaddr *to, int tolen);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    RP_SOCK *rp;
    ULONG n;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    rp = RpLookup(s);
    if (rp == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (RpHandshake(rp, name, namelen) != 0) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    if (lpCalleeData != NULL) {
        n = min(rp->ReplyLen, lpCalleeData->len);
        memcpy(lpCalleeData->buf, rp->Reply, n);
        lpCalleeData->len = n;
    }
    return 0;
}
