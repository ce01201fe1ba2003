/*
 * A nonblocking connect that fails later records the reason in the socket's
 * own error field (reported through FD_CONNECT and SO_ERROR, which have no
 * WSPConnect code list). Only *lpErrno is judged.
 */
#include <ws2spi.h>

typedef struct _SHARED {
    INT   SocketLastError;
    INT   ConnectError;
    BOOL  NonBlocking;
    LONG  AsyncEvents;
} SHARED;

typedef struct _SOCK {
    HANDLE  Handle;
    SHARED *SharedData;
} SOCK, *PSOCK;

PSOCK GetSocketStructure(SOCKET Handle);
NTSTATUS AfdConnect(PSOCK Sock, const struct sockaddr *Addr, INT Len);
VOID SockNotifyConnect(PSOCK Sock, INT Error);

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
    PSOCK Sock;
    NTSTATUS Status;
    INT AsyncError;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    Sock = GetSocketStructure(Handle);
    if (Sock == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (SocketAddress == NULL || SocketAddressLength < (INT)sizeof(struct sockaddr))
    {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    Status = AfdConnect(Sock, SocketAddress, SocketAddressLength);

    if (Sock->SharedData->NonBlocking)
    {
        /* The final outcome goes to FD_CONNECT, not to this call. */
        AsyncError = (Status == STATUS_CONNECTION_RESET) ? WSAECONNRESET : WSAEHOSTUNREACH;
        Sock->SharedData->ConnectError = AsyncError;
        SockNotifyConnect(Sock, AsyncError);
        *lpErrno = WSAEWOULDBLOCK;
        return SOCKET_ERROR;
    }

    if (!NT_SUCCESS(Status))
    {
        Sock->SharedData->SocketLastError = WSAECONNRESET;
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    Sock->SharedData->SocketLastError = 0;
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return NO_ERROR;
}
