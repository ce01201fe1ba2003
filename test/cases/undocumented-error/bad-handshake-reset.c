/*
 * A user-mode transport (shared-memory pipe) with its own handshake. When the
 * peer drops the pipe during the handshake the provider reports a reset, which
 * WSPConnect does not document (the peer refused the connection:
 * WSAECONNREFUSED is the documented code).
 */
#include <winsock2.h>
#include <ws2spi.h>

typedef enum { HS_OK, HS_REFUSED, HS_DROPPED, HS_TIMEOUT } HS_RESULT;

typedef struct _PIPE_SOCKET {
    HANDLE      Pipe;
    BOOL        Connected;
    BOOL        Listening;
    DWORD       TimeoutMs;
    SOCKADDR_IN Remote;
} PIPE_SOCKET;

PIPE_SOCKET *PsFromHandle(SOCKET s);
HS_RESULT    PsHandshake(PIPE_SOCKET *ps, DWORD timeoutMs);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    PIPE_SOCKET *ps;

    UNREFERENCED_PARAMETER(lpGQOS);

    ps = PsFromHandle(s);
    if (ps == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (ps->Listening) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    if (ps->Connected) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (lpCallerData != NULL || lpSQOS != NULL) {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }

    memcpy(&ps->Remote, name, sizeof(SOCKADDR_IN));

    switch (PsHandshake(ps, ps->TimeoutMs)) {
    case HS_OK:
        break;
    case HS_REFUSED:
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    case HS_DROPPED:
        *lpErrno = WSAECONNRESET; /* expect: undocumented-error */
        return SOCKET_ERROR;
    case HS_TIMEOUT:
    default:
        *lpErrno = WSAETIMEDOUT;
        return SOCKET_ERROR;
    }

    ps->Connected = TRUE;
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return 0;
}
