// Get and set with a switch per level: every failing arm stores a code the page
// lists, short buffers get WSAEFAULT, unknown options WSAENOPROTOOPT.
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <algorithm>
#include "vlan_provider.h"

namespace {

int Fail(LPINT lpErrno, int code)
{
    *lpErrno = code;
    return SOCKET_ERROR;
}

} // namespace

int WSPAPI WSPGetSockOpt(SOCKET s, int level, int optname, char FAR* optval,
                         LPINT optlen, LPINT lpErrno)
{
    vlan::Socket* sock = vlan::Socket::FromHandle(s);
    if (!sock)
        return Fail(lpErrno, WSAENOTSOCK);
    if (!optval || !optlen || *optlen < static_cast<int>(sizeof(int)))
        return Fail(lpErrno, WSAEFAULT);

    int value = 0;
    switch (level) {
    case SOL_SOCKET:
        switch (optname) {
        case SO_RCVBUF:   value = sock->recvBuffer; break;
        case SO_SNDBUF:   value = sock->sendBuffer; break;
        case SO_KEEPALIVE: value = sock->keepAlive ? 1 : 0; break;
        case SO_ERROR:    value = sock->TakePendingError(); break;
        default:          return Fail(lpErrno, WSAENOPROTOOPT);
        }
        break;
    case IPPROTO_TCP:
        if (optname != TCP_NODELAY)
            return Fail(lpErrno, WSAENOPROTOOPT);
        value = sock->noDelay ? 1 : 0;
        break;
    default:
        // "WSAEINVAL: The level is unknown or invalid."
        return Fail(lpErrno, WSAEINVAL);
    }
    *reinterpret_cast<int*>(optval) = value;
    *optlen = sizeof(int);
    return NO_ERROR;
}

int WSPAPI WSPSetSockOpt(SOCKET s, int level, int optname, const char FAR* optval,
                         int optlen, LPINT lpErrno)
{
    vlan::Socket* sock = vlan::Socket::FromHandle(s);
    if (!sock)
        return Fail(lpErrno, WSAENOTSOCK);
    if (level != SOL_SOCKET && level != IPPROTO_TCP)
        return Fail(lpErrno, WSAEINVAL);
    if (!optval || optlen < static_cast<int>(sizeof(int)))
        return Fail(lpErrno, WSAEFAULT);

    const int value = *reinterpret_cast<const int*>(optval);
    if (level == IPPROTO_TCP) {
        if (optname != TCP_NODELAY)
            return Fail(lpErrno, WSAENOPROTOOPT);
        sock->noDelay = value != 0;
        return 0;
    }
    switch (optname) {
    case SO_RCVBUF:
        sock->recvBuffer = std::max(value, 512);
        return 0;
    case SO_KEEPALIVE:
        if (!sock->connected)
            return Fail(lpErrno, WSAENOTCONN);
        if (!sock->SendKeepAliveProbe()) {
            // The probe found the connection dead: "WSAENETRESET".
            return Fail(lpErrno, WSAENETRESET);
        }
        sock->keepAlive = value != 0;
        return 0;
    default:
        return Fail(lpErrno, WSAENOPROTOOPT);
    }
}
