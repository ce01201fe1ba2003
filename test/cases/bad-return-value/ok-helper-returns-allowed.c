/*
 * "return Helper(...)" where the helper only returns 0 or SOCKET_ERROR, and
 * stores the error on its failing path.
 */
#include <ws2spi.h>

typedef struct _SOCK_CTX {
    HANDLE Handle;
    BOOL   NonBlocking;
} SOCK_CTX;

SOCK_CTX *CtxFromHandle(SOCKET s);
NTSTATUS  IssueConnect(SOCK_CTX *ctx, const struct sockaddr *to, int tolen);

static int
FinishConnect(NTSTATUS Status, BOOL NonBlocking, LPINT lpErrno)
{
    if (Status == STATUS_SUCCESS)
        return NO_ERROR;
    if (Status == STATUS_PENDING && NonBlocking)
        *lpErrno = WSAEWOULDBLOCK;
    else if (Status == STATUS_IO_TIMEOUT)
        *lpErrno = WSAETIMEDOUT;
    else
        *lpErrno = WSAECONNREFUSED;
    return SOCKET_ERROR;
}

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    SOCK_CTX *ctx;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    ctx = CtxFromHandle(s);
    if (ctx == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;

    return FinishConnect(IssueConnect(ctx, name, namelen), ctx->NonBlocking, lpErrno);
}
