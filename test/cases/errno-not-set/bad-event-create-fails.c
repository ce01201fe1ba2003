/*
 * Base provider in the msafd style: the connect path talks to the transport
 * driver through an event-backed IOCTL. When the event cannot be created the
 * function bails out without telling the caller why.
 */
#include <winsock2.h>
#include <ws2spi.h>

typedef struct _SOCKET_INFORMATION {
    HANDLE  Handle;
    int     State;
    int     AddressFamily;
    ULONG   ConnectFlags;
} SOCKET_INFORMATION, *PSOCKET_INFORMATION;

#define SocketOpen       0
#define SocketBound      1
#define SocketConnected  2

PSOCKET_INFORMATION GetSocketStructure(SOCKET Handle);
NTSTATUS AfdConnect(PSOCKET_INFORMATION Socket, HANDLE Event, const struct sockaddr *Address, int Length);

INT
WSPAPI
WSPConnect(
    IN  SOCKET Handle,
    IN  const struct sockaddr *SocketAddress,
    IN  INT SocketAddressLength,
    IN  LPWSABUF lpCallerData,
    OUT LPWSABUF lpCalleeData,
    IN  LPQOS lpSQOS,
    IN  LPQOS lpGQOS,
    OUT LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;
    HANDLE SockEvent;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        if (lpErrno) *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (SocketAddress == NULL || SocketAddressLength < (INT)sizeof(SOCKADDR_IN))
    {
        if (lpErrno) *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    Status = NtCreateEvent(&SockEvent, EVENT_ALL_ACCESS, NULL, SynchronizationEvent, FALSE);
    if (!NT_SUCCESS(Status))
        return SOCKET_ERROR; /* expect: errno-not-set */

    Status = AfdConnect(Socket, SockEvent, SocketAddress, SocketAddressLength);
    NtClose(SockEvent);

    if (!NT_SUCCESS(Status))
    {
        if (lpErrno) *lpErrno = (Status == STATUS_IO_TIMEOUT) ? WSAETIMEDOUT : WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    Socket->State = SocketConnected;
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return NO_ERROR;
}
