/* optlen taken by value: LPWSPGETSOCKOPT passes "LPINT optlen" (in, out). The
 * parameter count matches, so the designated initializer compiles with a
 * warning at most, and the returned length never reaches the caller. */
#include <winsock2.h>
#include <ws2spi.h>
#include "tapsock.h"

static int WSPAPI
TapGetSockOptCompat(SOCKET s, int level, int optname, char FAR *optval, int optlen, LPINT lpErrno)
{
    TAP_SOCKET *ts = TapLookup(s);

    if (ts == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (level != SOL_SOCKET || optname != SO_TYPE) {
        *lpErrno = WSAENOPROTOOPT;
        return SOCKET_ERROR;
    }
    if (optval == NULL || optlen < (int)sizeof(int)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    *(int *)optval = SOCK_RAW;
    optlen = sizeof(int);
    return 0;
}

const WSPPROC_TABLE gTapOptionProcs = {
    .lpWSPGetSockOpt = TapGetSockOptCompat, /* expect: proc-entry-signature */
    .lpWSPSetSockOpt = TapSetSockOpt,
};
