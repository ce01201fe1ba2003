/* SIO_BASE_HANDLE and friends: the size is checked but not the pointer. The
 * page: "or the lpvOutBuffer parameter is a NULL pointer, SOCKET_ERROR is
 * returned as the result of this IOCTL and WSAGetLastError returns WSAEFAULT". */
#include <winsock2.h>
#include <mswsock.h>
#include <ws2spi.h>
#include "tapsock.h"

int WSPAPI
WSPIoctl(
    SOCKET          s,
    DWORD           dwIoControlCode,
    LPVOID          lpvInBuffer,
    DWORD           cbInBuffer,
    LPVOID          lpvOutBuffer,
    DWORD           cbOutBuffer,
    LPDWORD         lpcbBytesReturned,
    LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID   lpThreadId,
    LPINT           lpErrno)
{
    TAP_SOCKET *ts;

    UNREFERENCED_PARAMETER(lpvInBuffer);
    UNREFERENCED_PARAMETER(cbInBuffer);
    UNREFERENCED_PARAMETER(lpThreadId);

    ts = TapLookup(s);
    if (ts == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lpOverlapped != NULL || lpCompletionRoutine != NULL) {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }

    switch (dwIoControlCode) {
    case SIO_BASE_HANDLE:
    case SIO_BSP_HANDLE:
        if (cbOutBuffer < sizeof(SOCKET)) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        *(SOCKET *)lpvOutBuffer = ts->Handle; /* expect: optional-null-deref */
        *lpcbBytesReturned = sizeof(SOCKET);
        return 0;

    case FIONBIO:
        ts->NonBlocking = TRUE;
        *lpcbBytesReturned = 0;
        return 0;

    default:
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
}
