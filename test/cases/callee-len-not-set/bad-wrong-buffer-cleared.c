/*
 * A stream provider that carries no connect data. The author cleared the
 * caller-data length instead of the callee-data length (the two parameters are
 * next to each other and have the same type).
 */
#include <ws2spi.h>

typedef struct _ST_SOCKET {
    SOCKADDR_IN Peer;
    BOOL        Connected;
    HANDLE      Channel;
} ST_SOCKET;

ST_SOCKET *StLookup(SOCKET s);
BOOL StHandshake(ST_SOCKET *st);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    ST_SOCKET *st;
    const SOCKADDR_IN *sin;

    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    st = StLookup(s);
    if (st == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (st->Connected) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    sin = (const SOCKADDR_IN *)name;
    if (sin->sin_family != AF_INET) {
        *lpErrno = WSAEAFNOSUPPORT;
        return SOCKET_ERROR;
    }
    if (sin->sin_addr.s_addr == INADDR_ANY) {
        *lpErrno = WSAEADDRNOTAVAIL;
        return SOCKET_ERROR;
    }

    st->Peer = *sin;
    if (!StHandshake(st)) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    st->Connected = TRUE;

    if (lpCallerData != NULL)
        lpCallerData->len = 0;
    return 0; /* expect: callee-len-not-set */
}

static WSPPROC_TABLE StTable;

void
StBuildTable(void)
{
    StTable.lpWSPConnect = WSPConnect;
}
