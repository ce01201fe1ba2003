// A C++ provider whose author thought of WSPConnect as a predicate.
#include <winsock2.h>
#include <ws2spi.h>

class LoopbackTransport {
public:
    int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                          LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                          LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
private:
    struct Peer { SOCKADDR_IN addr; bool connected; };
    Peer* Find(SOCKET s);
};

int WSPAPI LoopbackTransport::WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                         LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                         LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;

    Peer* p = Find(s);
    if (!p) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (!name || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (p->connected) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }

    p->addr = *reinterpret_cast<const SOCKADDR_IN*>(name);
    p->connected = true;
    if (lpCalleeData)
        lpCalleeData->len = 0;
    return TRUE; // expect: bad-return-value
}
