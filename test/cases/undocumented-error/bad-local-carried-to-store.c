/*
 * Error codes collected in a local and stored once at the common exit. One of
 * the codes that reaches the store (WSAEPROVIDERFAILEDINIT) is not documented
 * for WSPConnect; the finding sits on the store into *lpErrno.
 */
#include <ws2spi.h>

typedef struct _HELPER_DATA {
    INT (WSPAPI *WSHNotify)(PVOID Context, SOCKET s, HANDLE Addr, HANDLE Conn, DWORD Event);
    BOOL Loaded;
} HELPER_DATA;

typedef struct _SOCKET_INFORMATION {
    HANDLE       Handle;
    HELPER_DATA *HelperData;
    PVOID        HelperContext;
    BOOL         Connected;
} SOCKET_INFORMATION, *PSOCKET_INFORMATION;

PSOCKET_INFORMATION GetSocketStructure(SOCKET Handle);
NTSTATUS SockConnectSync(PSOCKET_INFORMATION Socket, const struct sockaddr *Addr, INT Len);

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
    NTSTATUS Status;
    INT Errno = NO_ERROR;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        Errno = WSAENOTSOCK;
        goto error;
    }

    if (Socket->HelperData == NULL || !Socket->HelperData->Loaded)
    {
        /* The WSH helper DLL failed to load at socket creation. */
        Errno = WSAEPROVIDERFAILEDINIT;
        goto error;
    }

    if (Socket->Connected)
    {
        Errno = WSAEISCONN;
        goto error;
    }

    if (!SocketAddress || SocketAddressLength < (INT)sizeof(struct sockaddr))
    {
        Errno = WSAEFAULT;
        goto error;
    }

    Status = SockConnectSync(Socket, SocketAddress, SocketAddressLength);
    if (!NT_SUCCESS(Status))
    {
        Errno = WSAECONNREFUSED;
        goto error;
    }

    Socket->Connected = TRUE;
    if (lpCalleeData)
        lpCalleeData->len = 0;
    return NO_ERROR;

error:
    if (lpErrno)
        *lpErrno = Errno; /* expect: undocumented-error */
    return SOCKET_ERROR;
}
