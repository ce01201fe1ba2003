/*
 * name is tested for NULL, but namelen is used as the copy size without any
 * upper or lower bound.
 */
#include <ws2spi.h>

typedef struct _PEER_CTX {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    SOCKADDR_IN6    Peer;
} PEER_CTX;

PEER_CTX *PeerLookup(SOCKET s);

int WSPAPI
PeerConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
            LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
            LPQOS lpGQOS, LPINT lpErrno)
{
    PEER_CTX *pc = PeerLookup(s);

    if (pc == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    RtlCopyMemory(&pc->Peer, name, namelen); /* expect: name-unchecked */

    return pc->Next->lpWSPConnect(pc->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}

void
PeerInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = PeerConnect;
}
