/*
 * The remote address is saved for WSPGetPeerName with the caller's namelen as
 * the copy size: any namelen above sizeof(SOCKADDR_STORAGE) overflows the
 * socket context on the heap.
 */
#include <ws2spi.h>

typedef struct _SOCK_CTX {
    SOCKET           Lower;
    LPWSPPROC_TABLE  Next;
    SOCKADDR_STORAGE Remote;
    int              RemoteLen;
} SOCK_CTX;

SOCK_CTX *CtxLookup(SOCKET s);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    SOCK_CTX *ctx = CtxLookup(s);

    if (ctx == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    memcpy(&ctx->Remote, name, namelen); /* expect: name-unchecked */
    ctx->RemoteLen = namelen;

    return ctx->Next->lpWSPConnect(ctx->Lower, name, namelen, lpCallerData,
                                   lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
