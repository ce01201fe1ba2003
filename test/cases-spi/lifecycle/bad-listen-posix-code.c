/* A provider ported from a POSIX transport keeps errno names in WSPListen. */
#include <errno.h>
#include <winsock2.h>
#include <ws2spi.h>
#include "uxsock.h"

int WSPAPI
UxListen(SOCKET s, int backlog, LPINT lpErrno)
{
    struct ux_sock *us = ux_lookup(s);

    if (us == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (us->type != SOCK_STREAM) {
        *lpErrno = EOPNOTSUPP; /* expect: non-wsa-error */
        return SOCKET_ERROR;
    }
    if (!us->bound) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    if (us->connected) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }
    if (backlog <= 0 || backlog > SOMAXCONN)
        backlog = SOMAXCONN;
    us->backlog = backlog;
    us->listening = 1;
    return 0;
}

void
ux_fill_proc_table(LPWSPPROC_TABLE t)
{
    t->lpWSPListen = UxListen;
}
