// A port conflict with an SO_EXCLUSIVEADDRUSE owner reported as WSAEACCES, the
// way the Windows stack reports it to applications. LPWSPBind's page lists
// WSAEADDRINUSE for "already bound to the same fully qualified address" and
// does not list WSAEACCES.
#include <winsock2.h>
#include <ws2spi.h>
#include "port_table.h"

int WSPAPI WSPBind(SOCKET s, const sockaddr FAR* name, int namelen, LPINT lpErrno)
{
    ports::Socket* sock = ports::Socket::From(s);
    if (sock == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (sock->bound) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    const SOCKADDR_IN& sin = *reinterpret_cast<const SOCKADDR_IN*>(name);
    switch (ports::Table::Reserve(sin, sock->exclusive, sock->reuse)) {
    case ports::Reserved:
        break;
    case ports::InUse:
        *lpErrno = WSAEADDRINUSE;
        return SOCKET_ERROR;
    case ports::HeldExclusively:
        *lpErrno = WSAEACCES; // expect: undocumented-error
        return SOCKET_ERROR;
    case ports::NotLocal:
        *lpErrno = WSAEADDRNOTAVAIL;
        return SOCKET_ERROR;
    }
    sock->local = sin;
    sock->bound = true;
    return 0;
}
