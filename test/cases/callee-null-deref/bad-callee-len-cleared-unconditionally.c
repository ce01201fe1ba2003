/*
 * The provider knows it must report "no connect data" and does it without
 * checking that the caller passed a buffer.
 */
#include <ws2spi.h>

typedef struct _LOOP_SOCK {
    BOOL        Connected;
    SOCKADDR_IN Peer;
} LOOP_SOCK;

LOOP_SOCK *LoopLookup(SOCKET s);

int WSPAPI
LoopConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
            LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
            LPQOS lpGQOS, LPINT lpErrno)
{
    LOOP_SOCK *ls = LoopLookup(s);

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    if (ls == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (ls->Connected) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }

    ls->Peer = *(const SOCKADDR_IN *)name;
    ls->Connected = TRUE;
    lpCalleeData->len = 0; /* expect: callee-null-deref */
    return 0;
}

static WSPPROC_TABLE LoopTable = {
    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    LoopConnect,
};
