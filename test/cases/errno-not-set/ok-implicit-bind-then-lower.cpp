// The provider binds an unbound socket to the wildcard address by calling its
// own WSPBind (which receives lpErrno), then forwards to the next provider.
// A failure of either call returns SOCKET_ERROR with the callee's error.
#include <winsock2.h>
#include <ws2spi.h>

int WSPAPI WSPBind(SOCKET s, const struct sockaddr FAR* name, int namelen, LPINT lpErrno);

struct LayeredSocket {
    SOCKET          lowerSocket;
    LPWSPPROC_TABLE lowerTable;
    bool            bound;
    int             family;
};

LayeredSocket* LookupLayered(SOCKET s);

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    LayeredSocket* ls = LookupLayered(s);
    if (ls == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (!ls->bound) {
        SOCKADDR_STORAGE wildcard = {};
        wildcard.ss_family = static_cast<ADDRESS_FAMILY>(ls->family);
        int len = ls->family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
        if (WSPBind(s, reinterpret_cast<const sockaddr*>(&wildcard), len, lpErrno) == SOCKET_ERROR)
            return SOCKET_ERROR;
        ls->bound = true;
    }

    int rc = ls->lowerTable->lpWSPConnect(ls->lowerSocket, name, namelen, lpCallerData,
                                          lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    if (rc == SOCKET_ERROR)
        return SOCKET_ERROR;
    return rc;
}
