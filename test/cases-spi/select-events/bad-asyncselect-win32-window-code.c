/* The window check reports the Win32 code that IsWindow's neighbours use. */
#include <winsock2.h>
#include <ws2spi.h>
#include "pollprov.h"

int WSPAPI
WSPAsyncSelect(
    SOCKET s,
    HWND hWnd,
    unsigned int wMsg,
    long lEvent,
    LPINT lpErrno)
{
    POLL_SOCKET *ps;

    ps = PollFindSocket(s);
    if (ps == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lEvent != 0 && !IsWindow(hWnd)) {
        *lpErrno = ERROR_INVALID_WINDOW_HANDLE; /* expect: non-wsa-error */
        return SOCKET_ERROR;
    }
    if (lEvent & ~FD_ALL_EVENTS) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    EnterCriticalSection(&ps->Lock);
    ps->AsyncWindow = hWnd;
    ps->AsyncMessage = wMsg;
    ps->EventMask = lEvent;
    ps->Event = NULL;
    ps->NonBlocking = TRUE;     /* WSPAsyncSelect makes the socket nonblocking */
    LeaveCriticalSection(&ps->Lock);
    PollSignalPending(ps);
    return 0;
}
