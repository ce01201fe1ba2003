/*
 * The peer's reply is copied whole into the caller's buffer; its length is
 * decided by the remote side, not by lpCalleeData->len.
 */
#include <ws2spi.h>

#define MAX_REPLY 1024

typedef struct _RP_SOCK {
    HANDLE Link;
    CHAR   Reply[MAX_REPLY];
    ULONG  ReplyLen;
} RP_SOCK;

RP_SOCK *RpLookup(SOCKET s);
int RpHandshake(RP_SOCK *rp, const struct sockaddr *to, int tolen);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    RP_SOCK *rp;

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
        memcpy(lpCalleeData->buf, rp->Reply, rp->ReplyLen); /* expect: callee-unbounded-copy */
        lpCalleeData->len = rp->ReplyLen;
    }
    return 0;
}
