/* getsockopt with a short optlen: the provider answers with the Win32 code its
 * registry helpers use. */
#include <winsock2.h>
#include <ws2spi.h>
#include "tapsock.h"

int WSPAPI
WSPGetSockOpt(
    SOCKET s,
    int    level,
    int    optname,
    char FAR *optval,
    LPINT  optlen,
    LPINT  lpErrno)
{
    TAP_SOCKET *ts;

    ts = TapLookup(s);
    if (ts == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (optval == NULL || optlen == NULL) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (level != SOL_SOCKET) {
        *lpErrno = WSAENOPROTOOPT;
        return SOCKET_ERROR;
    }

    switch (optname) {
    case SO_RCVBUF:
    case SO_SNDBUF:
        if (*optlen < (int)sizeof(int)) {
            *lpErrno = ERROR_INSUFFICIENT_BUFFER; /* expect: non-wsa-error */
            return SOCKET_ERROR;
        }
        *(int *)optval = optname == SO_RCVBUF ? ts->RecvBuffer : ts->SendBuffer;
        *optlen = sizeof(int);
        return 0;

    case SO_TYPE:
        if (*optlen < (int)sizeof(int)) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        *(int *)optval = SOCK_RAW;
        *optlen = sizeof(int);
        return 0;

    default:
        *lpErrno = WSAENOPROTOOPT;
        return SOCKET_ERROR;
    }
}
