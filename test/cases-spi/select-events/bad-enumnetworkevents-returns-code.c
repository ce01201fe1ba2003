/* The "no such socket" path returns the code itself, the way WSPStartup does,
 * instead of SOCKET_ERROR with the code in *lpErrno. */
#include <winsock2.h>
#include <ws2spi.h>
#include "pollprov.h"

int WSPAPI
WSPEnumNetworkEvents(
    SOCKET s,
    WSAEVENT hEventObject,
    LPWSANETWORKEVENTS lpNetworkEvents,
    LPINT lpErrno)
{
    POLL_SOCKET *ps;
    int bit;

    ps = PollFindSocket(s);
    if (ps == NULL) {
        *lpErrno = WSAENOTSOCK;
        return WSAENOTSOCK; /* expect: bad-return-value */
    }
    if (lpNetworkEvents == NULL) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    EnterCriticalSection(&ps->Lock);
    lpNetworkEvents->lNetworkEvents = ps->Recorded;
    for (bit = 0; bit < FD_MAX_EVENTS; bit++)
        lpNetworkEvents->iErrorCode[bit] = ps->EventError[bit];
    ps->Recorded = 0;
    if (hEventObject != NULL)
        ResetEvent(hEventObject);
    LeaveCriticalSection(&ps->Lock);
    return 0;
}
