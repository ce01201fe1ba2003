/* WSPSelect: any of the three sets may be NULL, and so may the timeout. The
 * result is the number of ready descriptors, 0 on timeout. */
#include <winsock2.h>
#include <ws2spi.h>
#include "pollprov.h"

static BOOL
PollAddSet(POLL_SET *set, const fd_set *fds, long events, LPINT lpErrno)
{
    u_int i;

    if (fds == NULL)
        return TRUE;
    for (i = 0; i < fds->fd_count; i++) {
        if (!PollAdd(set, fds->fd_array[i], events)) {
            *lpErrno = WSAENOTSOCK;
            return FALSE;
        }
    }
    return TRUE;
}

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
    DWORD    waitMs = INFINITE;
    int      ready;

    UNREFERENCED_PARAMETER(nfds);

    if (readfds == NULL && writefds == NULL && exceptfds == NULL) {
        /* "all three descriptor parameters were NULL" */
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    if (timeout != NULL) {
        if (timeout->tv_sec < 0 || timeout->tv_usec < 0) {
            *lpErrno = WSAEINVAL;
            return SOCKET_ERROR;
        }
        waitMs = timeout->tv_sec * 1000 + timeout->tv_usec / 1000;
    }

    PollInitSet(&set);
    if (!PollAddSet(&set, readfds, FD_READ | FD_ACCEPT | FD_CLOSE, lpErrno) ||
        !PollAddSet(&set, writefds, FD_WRITE | FD_CONNECT, lpErrno) ||
        !PollAddSet(&set, exceptfds, FD_OOB, lpErrno)) {
        PollFreeSet(&set);
        return SOCKET_ERROR;
    }

    ready = PollWait(&set, waitMs);
    if (ready < 0) {
        PollFreeSet(&set);
        *lpErrno = WSAEINTR;
        return SOCKET_ERROR;
    }
    if (readfds != NULL)
        PollWriteBackOne(&set, readfds, FD_READ | FD_ACCEPT | FD_CLOSE);
    if (writefds)
        PollWriteBackOne(&set, writefds, FD_WRITE | FD_CONNECT);
    if (exceptfds)
        FD_ZERO(exceptfds);
    PollFreeSet(&set);
    return ready;
}
