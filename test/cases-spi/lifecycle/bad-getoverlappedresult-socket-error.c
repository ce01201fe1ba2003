/* WSPGetOverlappedResult written with the 0 / SOCKET_ERROR habit of the other
 * entries. It returns BOOL: SOCKET_ERROR (-1) reads as TRUE, "completed". */
#include <winsock2.h>
#include <ws2spi.h>
#include "vnet.h"

BOOL WSPAPI
WSPGetOverlappedResult(
    SOCKET s,
    LPWSAOVERLAPPED lpOverlapped,
    LPDWORD lpcbTransfer,
    BOOL fWait,
    LPDWORD lpdwFlags,
    LPINT lpErrno)
{
    if (VnetFindSocket(s) == NULL) {
        *lpErrno = WSAENOTSOCK;
        return FALSE;
    }

    if (lpOverlapped->Internal == WSS_OPERATION_IN_PROGRESS) {
        if (!fWait) {
            *lpErrno = WSA_IO_INCOMPLETE;
            return SOCKET_ERROR; /* expect: bad-return-value */
        }
        if (WaitForSingleObject(lpOverlapped->hEvent, INFINITE) != WAIT_OBJECT_0) {
            *lpErrno = WSA_INVALID_HANDLE;
            return FALSE;
        }
    }

    *lpcbTransfer = (DWORD)lpOverlapped->InternalHigh;
    *lpdwFlags = lpOverlapped->Offset;
    if (lpOverlapped->OffsetHigh != 0) {
        *lpErrno = (INT)lpOverlapped->OffsetHigh;
        return FALSE;
    }
    return TRUE;
}
