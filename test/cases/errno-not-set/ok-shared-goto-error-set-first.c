/*
 * ReactOS-like shape: every failure records its code in a local and jumps to a
 * single exit that stores it; the success path jumps over the store.
 * Comments that name codes (WSAECONNRESET, ECONNREFUSED) are not stores.
 */
#include <ws2spi.h>

typedef struct _SOCKET_INFORMATION {
    HANDLE  Handle;
    int     State;
    PVOID   HelperContext;
} SOCKET_INFORMATION, *PSOCKET_INFORMATION;

PSOCKET_INFORMATION GetSocketStructure(SOCKET Handle);
NTSTATUS SockIssueConnect(PSOCKET_INFORMATION Socket, const struct sockaddr *Addr, int Len);

int
WSPAPI
WSPConnect(SOCKET Handle,
           const struct sockaddr * SocketAddress,
           int SocketAddressLength,
           LPWSABUF lpCallerData,
           LPWSABUF lpCalleeData,
           LPQOS lpSQOS,
           LPQOS lpGQOS,
           LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;
    NTSTATUS Status;
    INT Errno;

    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        Errno = WSAENOTSOCK;
        goto error;
    }

    if (SocketAddress == NULL || SocketAddressLength < (int)sizeof(struct sockaddr))
    {
        Errno = WSAEFAULT;
        goto error;
    }

    if (lpCallerData != NULL && lpCallerData->len != 0)
    {
        /* Connect data is not supported by this transport (a peer would see
         * WSAECONNRESET otherwise). */
        Errno = WSAEPROTONOSUPPORT;
        goto error;
    }

    Status = SockIssueConnect(Socket, SocketAddress, SocketAddressLength);
    if (Status == STATUS_PENDING)
    {
        Errno = WSAEWOULDBLOCK;
        goto error;
    }
    if (!NT_SUCCESS(Status))
    {
        Errno = (Status == STATUS_IO_TIMEOUT) ? WSAETIMEDOUT : WSAECONNREFUSED;
        goto error;
    }

    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    goto done;

error:
    if (lpErrno)
        *lpErrno = Errno;
    return SOCKET_ERROR;

done:
    return NO_ERROR;
}
