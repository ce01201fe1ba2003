// Dual-stack provider: the address family decides the path, and it is read
// before any check on name.
#include <winsock2.h>
#include <ws2ipdef.h>
#include <ws2spi.h>

class DualStack {
public:
    static int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
private:
    struct Sock { SOCKET v4; SOCKET v6; LPWSPPROC_TABLE next; };
    static Sock* Find(SOCKET s);
};

int WSPAPI DualStack::WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Sock* sk = Find(s);
    if (sk == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    SOCKET lower;
    switch (name->sa_family) { // expect: name-unchecked
    case AF_INET:
        lower = sk->v4;
        break;
    case AF_INET6:
        lower = sk->v6;
        break;
    default:
        *lpErrno = WSAEAFNOSUPPORT;
        return SOCKET_ERROR;
    }

    return sk->next->lpWSPConnect(lower, name, namelen, lpCallerData, lpCalleeData,
                                  lpSQOS, lpGQOS, lpErrno);
}
