#include "afdp.h"

int
WSPAPI
WSPSend(SOCKET Handle, LPWSABUF lpBuffers, DWORD dwBufferCount,
        LPDWORD lpNumberOfBytesSent, DWORD iFlags, LPWSAOVERLAPPED lpOverlapped,
        LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
        LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;
    NTSTATUS Status;
    ULONG Sent = 0;

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

    Status = AfdTransfer(Socket, IOCTL_AFD_SEND, lpBuffers, dwBufferCount, iFlags, &Sent);
    if (!NT_SUCCESS(Status))
    {
        /* Every code of the map is in WSPSend's list. */
        *lpErrno = TranslateNtStatusError(Status);
        return SOCKET_ERROR;
    }

    *lpNumberOfBytesSent = Sent;
    return 0;
}
