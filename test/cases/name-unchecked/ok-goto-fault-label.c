/*
 * ReactOS-like checks that jump to a fault label; the copy with namelen is
 * bounded above by the destination size as well.
 */
#include <ws2spi.h>

typedef struct _SOCKET_INFORMATION {
    SOCKADDR_STORAGE RemoteAddress;
    INT              SizeOfRemoteAddress;
    HANDLE           Handle;
} SOCKET_INFORMATION, *PSOCKET_INFORMATION;

PSOCKET_INFORMATION GetSocketStructure(SOCKET Handle);
NTSTATUS SockDoConnect(PSOCKET_INFORMATION Socket);

INT
WSPAPI
WSPConnect(SOCKET Handle,
           const struct sockaddr *SocketAddress,
           INT SocketAddressLength,
           LPWSABUF lpCallerData,
           LPWSABUF lpCalleeData,
           LPQOS lpSQOS,
           LPQOS lpGQOS,
           LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;
    INT Errno;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        Errno = WSAENOTSOCK;
        goto error;
    }

    if (SocketAddress == NULL)
        goto fault;
    if (SocketAddressLength < (INT)sizeof(struct sockaddr))
        goto fault;
    if (SocketAddressLength > (INT)sizeof(Socket->RemoteAddress))
        goto fault;

    RtlCopyMemory(&Socket->RemoteAddress, SocketAddress, SocketAddressLength);
    Socket->SizeOfRemoteAddress = SocketAddressLength;

    if (!NT_SUCCESS(SockDoConnect(Socket)))
    {
        Errno = WSAECONNREFUSED;
        goto error;
    }

    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return NO_ERROR;

fault:
    Errno = WSAEFAULT;
error:
    if (lpErrno)
        *lpErrno = Errno;
    return SOCKET_ERROR;
}
