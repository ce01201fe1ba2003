/*
 * msafd-style exit: "return ReturnWithErrno(Status, lpErrno)". The helper maps
 * the status and stores it through its pointer argument; STATUS_FILE_CLOSED
 * becomes WSAESHUTDOWN, which WSPConnect does not document. The finding is on
 * the call that stores the code.
 */
#include <ws2spi.h>

typedef struct _SOCKET_INFORMATION {
    HANDLE Handle;
    BOOL   NonBlocking;
} SOCKET_INFORMATION, *PSOCKET_INFORMATION;

PSOCKET_INFORMATION GetSocketStructure(SOCKET Handle);
NTSTATUS AfdConnectIoctl(HANDLE Handle, const struct sockaddr *Addr, INT Len, BOOLEAN Wait);

static INT
StatusToWinsock(NTSTATUS Status)
{
    switch (Status)
    {
    case STATUS_SUCCESS:              return NO_ERROR;
    case STATUS_PENDING:              return WSAEWOULDBLOCK;
    case STATUS_IO_TIMEOUT:           return WSAETIMEDOUT;
    case STATUS_FILE_CLOSED:          return WSAESHUTDOWN;
    case STATUS_CONNECTION_REFUSED:   return WSAECONNREFUSED;
    case STATUS_HOST_UNREACHABLE:
    case STATUS_NETWORK_UNREACHABLE:  return WSAENETUNREACH;
    default:                          return WSAENOBUFS;
    }
}

static INT
ReturnWithErrno(NTSTATUS Status, LPINT Errno)
{
    if (Errno)
    {
        *Errno = StatusToWinsock(Status);
        return (*Errno == NO_ERROR) ? 0 : SOCKET_ERROR;
    }
    return (Status == STATUS_SUCCESS) ? 0 : SOCKET_ERROR;
}

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

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        if (lpErrno) *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (SocketAddress == NULL || SocketAddressLength < (INT)sizeof(struct sockaddr))
    {
        if (lpErrno) *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    /* No connect data on this transport: report an empty buffer up front. */
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;

    Status = AfdConnectIoctl(Socket->Handle, SocketAddress, SocketAddressLength,
                             (BOOLEAN)!Socket->NonBlocking);

    return ReturnWithErrno(Status, lpErrno); /* expect: undocumented-error */
}
