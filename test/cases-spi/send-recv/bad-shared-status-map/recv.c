#include "afdp.h"

int
WSPAPI
WSPRecv(SOCKET Handle, LPWSABUF lpBuffers, DWORD dwBufferCount,
        LPDWORD lpNumberOfBytesRead, LPDWORD ReceiveFlags,
        LPWSAOVERLAPPED lpOverlapped,
        LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
        LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;
    NTSTATUS Status;
    ULONG Received = 0;

    UNREFERENCED_PARAMETER(lpThreadId);

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lpOverlapped || lpCompletionRoutine)
    {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    Status = AfdTransfer(Socket, IOCTL_AFD_RECV, lpBuffers, dwBufferCount, *ReceiveFlags, &Received);
    if (!NT_SUCCESS(Status))
    {
        /* WSPRecv does not list WSAENOBUFS, which the shared map returns for
         * STATUS_INSUFFICIENT_RESOURCES. */
        *lpErrno = TranslateNtStatusError(Status); /* expect: undocumented-error */
        return SOCKET_ERROR;
    }

    *lpNumberOfBytesRead = Received;
    *ReceiveFlags = 0;
    return 0;
}
