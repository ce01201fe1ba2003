/*
 * ReactOS-like exit block that stores the code and then returns the same
 * variable instead of SOCKET_ERROR. On every path into the block the variable
 * holds a Winsock code, never SOCKET_ERROR.
 */
#include <ws2spi.h>

typedef struct _SOCKET_INFORMATION {
    HANDLE Handle;
    int    State;
} SOCKET_INFORMATION, *PSOCKET_INFORMATION;

#define SocketConnected 2

PSOCKET_INFORMATION GetSocketStructure(SOCKET Handle);
NTSTATUS AfdConnectBlocking(PSOCKET_INFORMATION Socket, const struct sockaddr *Addr, INT Len);

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
    if (Socket->State == SocketConnected)
    {
        Errno = WSAEISCONN;
        goto error;
    }
    if (!SocketAddress || SocketAddressLength < (INT)sizeof(struct sockaddr))
    {
        Errno = WSAEFAULT;
        goto error;
    }
    if (!NT_SUCCESS(AfdConnectBlocking(Socket, SocketAddress, SocketAddressLength)))
    {
        Errno = WSAECONNREFUSED;
        goto error;
    }

    Socket->State = SocketConnected;
    if (lpCalleeData)
        lpCalleeData->len = 0;
    return NO_ERROR;

error:
    if (lpErrno)
        *lpErrno = Errno;
    return Errno; /* expect: bad-return-value */
}
