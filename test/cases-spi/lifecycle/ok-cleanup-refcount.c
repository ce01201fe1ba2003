/* "The first two calls to WSPCleanup do nothing except decrement an internal
 * counter; the final WSPCleanup call does all necessary resource deallocation." */
#include <winsock2.h>
#include <ws2spi.h>
#include "pollprov.h"

static LONG gStartupCount;
static CRITICAL_SECTION gInitLock;

int WSPAPI
WSPCleanup(LPINT lpErrno)
{
    int ret = NO_ERROR;

    EnterCriticalSection(&gInitLock);
    if (gStartupCount == 0) {
        *lpErrno = WSANOTINITIALISED;
        ret = SOCKET_ERROR;
        goto done;
    }
    if (--gStartupCount > 0)
        goto done;

    PollStopWorker();
    if (!PollCloseAllSockets()) {
        /* Sockets could not be torn down: the transport is gone. */
        *lpErrno = WSAENETDOWN;
        ret = SOCKET_ERROR;
    }

done:
    LeaveCriticalSection(&gInitLock);
    return ret;
}
