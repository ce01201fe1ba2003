/* The layer logs the lower provider's failure and hands back SOCKET_ERROR, but
 * the code went into a local that never reaches *lpErrno. */
#include "lspdef.h"

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
    LPINT           lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;
    INT        Error = NO_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPIoctl(
            SocketContext->ProviderSocket,
            dwIoControlCode,
            lpvInBuffer,
            cbInBuffer,
            lpvOutBuffer,
            cbOutBuffer,
            lpcbBytesReturned,
            lpOverlapped,
            lpCompletionRoutine,
            lpThreadId,
            &Error); /* expect: lower-errno-not-propagated */
    SetBlockingProvider(NULL);
    if (ret == SOCKET_ERROR && Error != WSA_IO_PENDING)
        dbgprint("WSPIoctl: 0x%x failed with %d", dwIoControlCode, Error);

cleanup:
    /* DerefSocketContext receives lpErrno: by wsplint's definition a call that receives lpErrno may write it
       (issue 2: "Written counts: ... a call that receives lpErrno"), so the return itself is not flagged;
       the lost error is reported at the lower call instead. */
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}
