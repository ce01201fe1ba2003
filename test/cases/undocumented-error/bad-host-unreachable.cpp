// RDMA-style provider (Winsock Direct shape): route resolution failures are
// reported as WSAEHOSTUNREACH. ws2_32 tolerates that code from providers, but
// WSPConnect does not document it (reported at a lower severity).
#include <winsock2.h>
#include <ws2spi.h>

struct PathRecord { ULONGLONG dgid; USHORT dlid; };

class RdmaSocket {
public:
    enum State { Created, Bound, Listening, Connecting, Connected };
    State state = Created;
    SOCKADDR_IN local{};
    SOCKADDR_IN peer{};
    int ResolveRoute(const SOCKADDR_IN& to, PathRecord* out);
    int SendRequest(const PathRecord& path);
};

class RdmaProvider {
public:
    static int WSPAPI Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                              LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                              LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
    static void Install(LPWSPPROC_TABLE table) { table->lpWSPConnect = Connect; }
};

int WSPAPI RdmaProvider::Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    auto* sock = reinterpret_cast<RdmaSocket*>(s);

    if (lpCallerData != nullptr) {
        *lpErrno = WSAEPROTONOSUPPORT;
        return SOCKET_ERROR;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    const auto* addr = reinterpret_cast<const SOCKADDR_IN*>(name);
    if (addr->sin_family != AF_INET || addr->sin_port == 0 || addr->sin_addr.s_addr == INADDR_ANY) {
        *lpErrno = WSAEADDRNOTAVAIL;
        return SOCKET_ERROR;
    }

    if (sock->state == RdmaSocket::Connected) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }
    if (sock->state != RdmaSocket::Bound) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    PathRecord path{};
    if (sock->ResolveRoute(*addr, &path) != 0) {
        *lpErrno = WSAEHOSTUNREACH; // expect: undocumented-error
        return SOCKET_ERROR;
    }

    sock->peer = *addr;
    if (sock->SendRequest(path) != 0) {
        *lpErrno = WSAENOBUFS;
        return SOCKET_ERROR;
    }

    // The reply arrives on the completion queue; FD_CONNECT tells the switch.
    sock->state = RdmaSocket::Connecting;
    if (lpCalleeData != nullptr)
        lpCalleeData->len = 0;
    *lpErrno = WSAEWOULDBLOCK;
    return SOCKET_ERROR;
}
