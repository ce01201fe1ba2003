/* WSPIoctl in the style of a base provider: extension function pointers with
 * the output checked for NULL and size, an overlapped SIO_FLUSH that reports
 * WSA_IO_PENDING (documented), and the completion routine only when given. */
#include <winsock2.h>
#include <mswsock.h>
#include <ws2spi.h>
#include "tapsock.h"

static const GUID kConnectEx = WSAID_CONNECTEX;

static int
TapCopyPointer(LPVOID out, DWORD outLen, LPDWORD returned, PVOID fn, LPINT lpErrno)
{
    if (out == NULL || outLen < sizeof(PVOID)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    *(PVOID *)out = fn;
    *returned = sizeof(PVOID);
    return 0;
}

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

    ts = TapLookup(s);
    if (ts == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    switch (dwIoControlCode) {
    case SIO_GET_EXTENSION_FUNCTION_POINTER:
        if (lpvInBuffer == NULL || cbInBuffer < sizeof(GUID)) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        if (!IsEqualGUID((GUID *)lpvInBuffer, &kConnectEx)) {
            *lpErrno = WSAEINVAL;
            return SOCKET_ERROR;
        }
        return TapCopyPointer(lpvOutBuffer, cbOutBuffer, lpcbBytesReturned, (PVOID)TapConnectEx, lpErrno);

    case SIO_BASE_HANDLE:
        if (lpvOutBuffer == NULL || cbOutBuffer < sizeof(SOCKET)) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        *(SOCKET *)lpvOutBuffer = ts->Handle;
        *lpcbBytesReturned = sizeof(SOCKET);
        return NO_ERROR;

    case SIO_FLUSH:
        if (lpOverlapped == NULL) {
            TapFlushAndWait(ts);
            *lpcbBytesReturned = 0;
            return 0;
        }
        lpOverlapped->Internal = WSS_OPERATION_IN_PROGRESS;
        if (!TapFlushAsync(ts, lpOverlapped, lpCompletionRoutine, lpThreadId)) {
            *lpErrno = WSAENETDOWN;
            return SOCKET_ERROR;
        }
        *lpErrno = WSA_IO_PENDING;
        return SOCKET_ERROR;

    case FIONBIO:
        if (lpvInBuffer == NULL || cbInBuffer < sizeof(u_long)) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        if (ts->AsyncSelectActive && *(u_long *)lpvInBuffer == 0) {
            /* "WSAEINVAL ... the command is not applicable to the type of socket" */
            *lpErrno = WSAEINVAL;
            return SOCKET_ERROR;
        }
        ts->NonBlocking = *(u_long *)lpvInBuffer != 0;
        *lpcbBytesReturned = 0;
        if (lpCompletionRoutine != NULL)
            TapQueueCompletion(lpThreadId, lpCompletionRoutine, lpOverlapped, 0);
        return 0;

    default:
        /* Unknown codes: never ERROR_INVALID_FUNCTION, which is what the driver says. */
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
}
