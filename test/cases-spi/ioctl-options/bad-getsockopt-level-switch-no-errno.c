/* The IPPROTO_TCP arm forgets the code on its "unknown option" path; the other
 * arms store one before the shared exit. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include "tapsock.h"

int WSPAPI
TapGetSockOpt(SOCKET s, int level, int optname, char FAR *optval, LPINT optlen, LPINT lpErrno)
{
    TAP_SOCKET *ts;
    int value;
    int err = 0;

    ts = TapLookup(s);
    if (ts == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (optval == NULL || optlen == NULL || *optlen < (int)sizeof(int)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    switch (level) {
    case SOL_SOCKET:
        if (optname == SO_ERROR) {
            value = ts->PendingError;
            ts->PendingError = 0;
        } else if (optname == SO_TYPE) {
            value = SOCK_STREAM;
        } else {
            err = WSAENOPROTOOPT;
            goto fail;
        }
        break;
    case IPPROTO_TCP:
        if (optname != TCP_NODELAY)
            return SOCKET_ERROR; /* expect: errno-not-set */
        value = ts->NoDelay;
        break;
    default:
        err = WSAEINVAL;
        goto fail;
    }

    *(int *)optval = value;
    *optlen = sizeof(int);
    return 0;

fail:
    *lpErrno = err;
    return SOCKET_ERROR;
}

void
TapInitProcTable(WSPPROC_TABLE *table)
{
    table->lpWSPGetSockOpt = TapGetSockOpt;
}
