/* WSPCloseSocket in the msafd style: the linger path fails without a code. */
#include <winsock2.h>
#include <ws2spi.h>
#include "afdsock.h"

extern WSPUPCALLTABLE Upcalls;

INT
WSPAPI
WSPCloseSocket(
    IN  SOCKET Handle,
    OUT LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;
    NTSTATUS Status;
    int CloseErr;

    Socket = GetSocketStructure(Handle);
    if (Socket == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (Socket->SharedData->LingerData.l_onoff &&
        Socket->SharedData->LingerData.l_linger != 0)
    {
        if (Socket->SharedData->NonBlocking)
        {
            /* "Socket is marked as nonblocking and SO_LINGER is set to a
             * nonzero time-out value." */
            *lpErrno = WSAEWOULDBLOCK;
            return SOCKET_ERROR;
        }
        Status = AfdWaitForSendsToDrain(Socket, Socket->SharedData->LingerData.l_linger);
        if (!NT_SUCCESS(Status))
        {
            DereferenceSocket(Socket);
            return SOCKET_ERROR; /* expect: errno-not-set */
        }
    }

    Status = NtClose(Socket->Handle);
    if (!NT_SUCCESS(Status))
    {
        *lpErrno = WSAENETDOWN;
        return SOCKET_ERROR;
    }
    Upcalls.lpWPUCloseSocketHandle(Handle, &CloseErr);
    RemoveSocketStructure(Socket);
    return NO_ERROR;
}
