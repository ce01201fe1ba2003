// Winsock Direct style: every connect completes asynchronously (the switch
// waits for FD_CONNECT), so WSPConnect itself never returns success and never
// has to set the callee length here.
#include <winsock2.h>
#include <ws2spi.h>

struct WdSock {
    enum State { Bound, Connecting, Connected, Listening } state;
    SOCKADDR_IN peer;
    int PostConnect();
};

static int WSPAPI WdConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                            LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                            LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCalleeData; (void)lpSQOS; (void)lpGQOS;
    auto* sock = reinterpret_cast<WdSock*>(s);

    if (lpCallerData) {
        *lpErrno = WSAEPROTONOSUPPORT;
        return SOCKET_ERROR;
    }
    if (!name || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    switch (sock->state) {
    case WdSock::Bound:
        break;
    case WdSock::Connected:
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    case WdSock::Connecting:
        *lpErrno = WSAEALREADY;
        return SOCKET_ERROR;
    default:
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    sock->peer = *reinterpret_cast<const SOCKADDR_IN*>(name);
    sock->state = WdSock::Connecting;
    *lpErrno = sock->PostConnect() == 0 ? WSAEWOULDBLOCK : WSAENOBUFS;
    return SOCKET_ERROR;
}

void WdInstall(WSPPROC_TABLE& table) { table.lpWSPConnect = WdConnect; }
