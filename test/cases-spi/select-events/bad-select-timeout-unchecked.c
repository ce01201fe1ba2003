/* "If timeout is a null pointer, LPWSPSelect will block indefinitely": select()
 * with a NULL timeout is the most common call there is. */
#include <winsock2.h>
#include <ws2spi.h>
#include "pollprov.h"

int WSPAPI
WSPSelect(
    int nfds,
    fd_set FAR *readfds,
    fd_set FAR *writefds,
    fd_set FAR *exceptfds,
    const struct timeval FAR *timeout,
    LPINT lpErrno)
{
    POLL_SET set;
    DWORD    waitMs;
    int      ready;

    UNREFERENCED_PARAMETER(nfds);

    if (readfds == NULL && writefds == NULL && exceptfds == NULL) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    waitMs = timeout->tv_sec * 1000 + timeout->tv_usec / 1000; /* expect: optional-null-deref */

    if (!PollBuildSet(&set, readfds, writefds, exceptfds)) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    ready = PollWait(&set, waitMs);
    if (ready < 0) {
        PollFreeSet(&set);
        *lpErrno = WSAEINTR;
        return SOCKET_ERROR;
    }
    PollWriteBack(&set, readfds, writefds, exceptfds);
    PollFreeSet(&set);
    return ready;
}
