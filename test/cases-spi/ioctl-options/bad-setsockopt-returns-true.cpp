// SetSockOpt written against the provider's own BOOL helpers: success comes
// back as TRUE, which ws2_32 reads as "not 0, so failed" with a stale error.
#include <winsock2.h>
#include <ws2spi.h>
#include "vlan_provider.h"

int WSPAPI WSPSetSockOpt(SOCKET s, int level, int optname, const char FAR* optval,
                         int optlen, LPINT lpErrno)
{
    vlan::Socket* sock = vlan::Socket::FromHandle(s);
    if (sock == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (level != SOL_SOCKET) {
        *lpErrno = WSAENOPROTOOPT;
        return SOCKET_ERROR;
    }
    if (optval == nullptr || optlen < static_cast<int>(sizeof(int))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    const int value = *reinterpret_cast<const int*>(optval);
    switch (optname) {
    case SO_RCVBUF:
        sock->recvBuffer = value;
        break;
    case SO_SNDBUF:
        sock->sendBuffer = value;
        break;
    case SO_KEEPALIVE:
        if (!sock->connected) {
            *lpErrno = WSAENOTCONN;
            return SOCKET_ERROR;
        }
        sock->keepAlive = value != 0;
        break;
    default:
        *lpErrno = WSAENOPROTOOPT;
        return SOCKET_ERROR;
    }
    return TRUE; // expect: bad-return-value
}
