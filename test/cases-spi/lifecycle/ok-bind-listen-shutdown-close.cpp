// The connection lifecycle of a small stream provider. Every failure stores a
// code from its own function's list (WSAEINVAL means different things in each),
// and success is spelled 0, NO_ERROR or ERROR_SUCCESS.
#include <winsock2.h>
#include <ws2spi.h>
#include "port_table.h"

extern WSPUPCALLTABLE g_upcalls;

int WSPAPI WSPBind(SOCKET s, const sockaddr FAR* name, int namelen, LPINT lpErrno)
{
    ports::Socket* sock = ports::Socket::From(s);
    if (!sock) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (!name || namelen < static_cast<int>(sizeof(SOCKADDR_IN)) || name->sa_family != AF_INET) {
        // "the name parameter contains incorrect address format"
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (sock->bound) {
        *lpErrno = WSAEINVAL;    // "The socket is already bound to an address."
        return SOCKET_ERROR;
    }
    switch (ports::Table::Reserve(*reinterpret_cast<const SOCKADDR_IN*>(name), sock->exclusive, sock->reuse)) {
    case ports::Reserved:
        break;
    case ports::InUse:
    case ports::HeldExclusively:
        *lpErrno = WSAEADDRINUSE;
        return SOCKET_ERROR;
    case ports::NotLocal:
        *lpErrno = WSAEADDRNOTAVAIL;
        return SOCKET_ERROR;
    case ports::TableFull:
        *lpErrno = WSAENOBUFS;
        return SOCKET_ERROR;
    }
    sock->bound = true;
    return NO_ERROR;
}

int WSPAPI WSPListen(SOCKET s, int backlog, LPINT lpErrno)
{
    ports::Socket* sock = ports::Socket::From(s);
    if (!sock) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (sock->type != SOCK_STREAM) {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }
    if (!sock->bound) {
        *lpErrno = WSAEINVAL;    // "Socket has not been bound with LPWSPBind."
        return SOCKET_ERROR;
    }
    if (sock->connected) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }
    sock->backlog = backlog < 1 ? 1 : backlog > SOMAXCONN ? SOMAXCONN : backlog;
    sock->listening = true;
    return ERROR_SUCCESS;
}

int WSPAPI WSPShutdown(SOCKET s, int how, LPINT lpErrno)
{
    ports::Socket* sock = ports::Socket::From(s);
    if (!sock) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (how != SD_RECEIVE && how != SD_SEND && how != SD_BOTH) {
        *lpErrno = WSAEINVAL;    // "The how is not valid"
        return SOCKET_ERROR;
    }
    if (!sock->connected) {
        *lpErrno = WSAENOTCONN;
        return SOCKET_ERROR;
    }
    if (how != SD_RECEIVE && !sock->SendFin()) {
        *lpErrno = WSAENETDOWN;
        return SOCKET_ERROR;
    }
    sock->shutdownHow |= how + 1;
    return 0;
}

int WSPAPI WSPCloseSocket(SOCKET s, LPINT lpErrno)
{
    ports::Socket* sock = ports::Socket::From(s);
    if (!sock) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (sock->lingerOn && sock->lingerSeconds != 0 && sock->nonBlocking && sock->HasUnsentData()) {
        *lpErrno = WSAEWOULDBLOCK;
        return SOCKET_ERROR;
    }
    sock->Abort();
    ports::Table::Release(sock);
    // The handle goes back to ws2_32; a failure here leaves nothing to undo.
    return g_upcalls.lpWPUCloseSocketHandle(s, lpErrno);
}
