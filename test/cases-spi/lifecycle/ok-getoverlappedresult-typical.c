/* The "typical implementation" of the WSPGetOverlappedResult page: Internal
 * says whether the operation is still in progress; InternalHigh, OffsetHigh and
 * Offset carry the byte count, the operation's error and the flags. */
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
    DWORD rc;

    if (VnetFindSocket(s) == NULL) {
        *lpErrno = WSAENOTSOCK;
        return FALSE;
    }

    if (lpOverlapped->Internal == WSS_OPERATION_IN_PROGRESS) {
        if (!fWait) {
            *lpErrno = WSA_IO_INCOMPLETE;
            return FALSE;
        }
        rc = WaitForSingleObject(lpOverlapped->hEvent, INFINITE);
        if (rc != WAIT_OBJECT_0) {
            /* "The hEvent member ... does not contain a valid event object handle." */
            *lpErrno = WSA_INVALID_HANDLE;
            return FALSE;
        }
    }

    /* "On failure, the value pointed to by lpcbTransfer will not be updated." */
    if (lpOverlapped->OffsetHigh != 0) {
        *lpErrno = (INT)lpOverlapped->OffsetHigh;
        return FALSE;
    }
    *lpcbTransfer = (DWORD)lpOverlapped->InternalHigh;
    *lpdwFlags = lpOverlapped->Offset;
    return TRUE;
}
