/*
 * A base provider for a transport without connect data marks lpCalleeData as
 * unused and returns success. The caller's lpCalleeData->len still holds the
 * buffer size it passed in, so it believes that many bytes arrived.
 */
#include <ws2spi.h>

typedef struct _SHM_SOCKET {
    HANDLE Section;
    BOOL   Connected;
    SOCKADDR_IN Peer;
} SHM_SOCKET;

SHM_SOCKET *ShmLookup(SOCKET s);
BOOL ShmAttach(SHM_SOCKET *ss, const SOCKADDR_IN *peer);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    SHM_SOCKET *ss;

    UNREFERENCED_PARAMETER(lpCalleeData);
    UNREFERENCED_PARAMETER(lpGQOS);

    ss = ShmLookup(s);
    if (ss == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (ss->Connected) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }
    if (lpCallerData != NULL || lpSQOS != NULL) {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    ss->Peer = *(const SOCKADDR_IN *)name;
    if (!ShmAttach(ss, &ss->Peer)) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    ss->Connected = TRUE;
    return 0; /* expect: callee-len-not-set */
}
