#include <winsock2.h>
#include <ws2spi.h>

typedef struct {
    SOCKET provider;
    BOOL connected;
} SOCK_INFO;

SOCK_INFO *FindSocketContext(SOCKET s);

int WSPAPI WSPConnect(
    SOCKET s,
    const struct sockaddr FAR *name,
    int namelen,
    LPWSABUF lpCallerData,
    LPWSABUF lpCalleeData,
    LPQOS lpSQOS,
    LPQOS lpGQOS,
    LPINT lpErrno)
{
    SOCK_INFO *ctx;

    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    ctx = FindSocketContext(s);
    if (ctx == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (ctx->provider == INVALID_SOCKET) {
        *lpErrno = WSAEHOSTUNREACH;
        return SOCKET_ERROR;
    }
    ctx->connected = TRUE;
    if (lpCalleeData != NULL) {
        lpCalleeData->len = 0;
    }
    return 0;
}
