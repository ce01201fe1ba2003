/* WSACleanup's page lists WSAEINPROGRESS; WSPCleanup's does not (only
 * WSANOTINITIALISED, WSAENETDOWN and WSAEINVAL). */
#include <winsock2.h>
#include <ws2spi.h>
#include "pollprov.h"

static LONG gStartupCount;
static CRITICAL_SECTION gInitLock;

int WSPAPI
WSPCleanup(LPINT lpErrno)
{
    int ret = 0;

    EnterCriticalSection(&gInitLock);
    if (gStartupCount == 0) {
        *lpErrno = WSANOTINITIALISED;
        ret = SOCKET_ERROR;
    } else if (PollBlockingCallActive()) {
        *lpErrno = WSAEINPROGRESS; /* expect: undocumented-error */
        ret = SOCKET_ERROR;
    } else if (--gStartupCount == 0) {
        PollStopWorker();
        PollCloseAllSockets();
    }
    LeaveCriticalSection(&gInitLock);
    return ret;
}
