/* A base provider's WSPSend in the msafd style: a state check that bails out
 * before the error code is chosen. */
#include <winsock2.h>
#include <ws2spi.h>
#include "afdsock.h"

int
WSPAPI
WSPSend(
    IN  SOCKET                              Handle,
    IN  LPWSABUF                            lpBuffers,
    IN  DWORD                               dwBufferCount,
    OUT LPDWORD                             lpNumberOfBytesSent,
    IN  DWORD                               iFlags,
    IN  LPWSAOVERLAPPED                     lpOverlapped,
    IN  LPWSAOVERLAPPED_COMPLETION_ROUTINE  lpCompletionRoutine,
    IN  LPWSATHREADID                       lpThreadId,
    OUT LPINT                               lpErrno)
{
    PSOCKET_INFORMATION Socket;
    NTSTATUS Status;
    DWORD Sent = 0;

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        if (lpErrno)
            *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (Socket->SharedData->State != SocketConnected)
    {
        /* Connectionless sockets without a default peer land here too. */
        return SOCKET_ERROR; // expect: errno-not-set
    }

    if (iFlags & ~(MSG_OOB | MSG_DONTROUTE | MSG_PARTIAL))
    {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }

    if (lpOverlapped == NULL && lpCompletionRoutine == NULL)
    {
        Status = AfdSendSync(Socket, lpBuffers, dwBufferCount, iFlags, &Sent);
        if (!NT_SUCCESS(Status))
        {
            *lpErrno = WSAENETDOWN;
            return SOCKET_ERROR;
        }
        *lpNumberOfBytesSent = Sent;
        return 0;
    }

    Status = AfdSendAsync(Socket, lpBuffers, dwBufferCount, iFlags,
                          lpOverlapped, lpCompletionRoutine, lpThreadId);
    if (Status == STATUS_PENDING)
    {
        *lpErrno = WSA_IO_PENDING;
        return SOCKET_ERROR;
    }
    if (!NT_SUCCESS(Status))
    {
        *lpErrno = WSAENETRESET;
        return SOCKET_ERROR;
    }
    return 0;
}
