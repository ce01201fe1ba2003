/*
 * SOCKET_ERROR is everywhere in this function, but only as a return value and
 * in comparisons; the error slot receives Winsock codes (including one from a
 * macro that expands to a Winsock code).
 */
#include <ws2spi.h>

#define LSP_DENIED_CODE   WSAEACCES
#define LSP_MAX_PENDING   32

typedef struct _QSOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    LONG            Pending;
    BOOL            Broadcast;
    BOOL            AllowBroadcast;
} QSOCK;

QSOCK *QsLookup(SOCKET s);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    int    result = SOCKET_ERROR;
    QSOCK *qs;

    qs = QsLookup(s);
    if (qs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return result;
    }

    if (qs->Pending >= LSP_MAX_PENDING) {
        *lpErrno = WSAENOBUFS;
        return SOCKET_ERROR;
    }

    if (qs->Broadcast && !qs->AllowBroadcast) {
        *lpErrno = LSP_DENIED_CODE;
        return SOCKET_ERROR;
    }

    InterlockedIncrement(&qs->Pending);
    result = qs->Next->lpWSPConnect(qs->Lower, name, namelen, lpCallerData,
                                    lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    InterlockedDecrement(&qs->Pending);

    return result;
}
