/* WSPEventSelect: the association table is full and the code is forgotten; the
 * other failures go through the shared exit with the code set. */
#include <winsock2.h>
#include <ws2spi.h>
#include "pollprov.h"

int WSPAPI
WSPEventSelect(
    SOCKET s,
    WSAEVENT hEventObject,
    long lNetworkEvents,
    LPINT lpErrno)
{
    POLL_SOCKET *ps;
    int ret = SOCKET_ERROR;

    ps = PollFindSocket(s);
    if (ps == NULL) {
        *lpErrno = WSAENOTSOCK;
        goto cleanup;
    }
    if (lNetworkEvents & ~FD_ALL_EVENTS) {
        *lpErrno = WSAEINVAL;
        goto cleanup;
    }

    EnterCriticalSection(&ps->Lock);
    if (lNetworkEvents != 0 && !PollReserveAssociation(ps)) {
        LeaveCriticalSection(&ps->Lock);
        return SOCKET_ERROR; /* expect: errno-not-set */
    }
    ps->Event = hEventObject;
    ps->EventMask = lNetworkEvents;
    ps->AsyncWindow = NULL;     /* "cancels any previous WSPAsyncSelect" */
    LeaveCriticalSection(&ps->Lock);
    PollSignalPending(ps);
    ret = 0;

cleanup:
    return ret;
}
