/*
 * msafd shape: the connect data is fetched with an IOCTL into
 * lpCalleeData->buf of lpCalleeData->len bytes, but the number of bytes the
 * IOCTL returned is never written back to lpCalleeData->len. The function
 * ends with "return ReturnWithErrno(...)", which returns 0 on success.
 */
#include <ws2spi.h>

typedef struct _SOCKET_INFORMATION {
    HANDLE Handle;
    BOOL   Connected;
} SOCKET_INFORMATION, *PSOCKET_INFORMATION;

PSOCKET_INFORMATION GetSocketStructure(SOCKET Handle);
NTSTATUS AfdDoConnect(HANDLE Handle, const struct sockaddr *Addr, INT Len);
NTSTATUS AfdIoctl(HANDLE Handle, ULONG Code, PVOID In, ULONG InLen, PVOID Out, ULONG OutLen,
                  PULONG_PTR Information);

#define IOCTL_AFD_GET_CONNECT_DATA 0x12047

static INT
ReturnWithErrno(NTSTATUS Status, LPINT lpErrno)
{
    if (lpErrno)
    {
        switch (Status)
        {
        case STATUS_SUCCESS:      *lpErrno = NO_ERROR; break;
        case STATUS_PENDING:      *lpErrno = WSAEWOULDBLOCK; break;
        case STATUS_IO_TIMEOUT:   *lpErrno = WSAETIMEDOUT; break;
        default:                  *lpErrno = WSAECONNREFUSED; break;
        }
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
    ULONG_PTR Returned = 0;

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

    Status = AfdDoConnect(Socket->Handle, SocketAddress, SocketAddressLength);
    if (NT_SUCCESS(Status))
    {
        Socket->Connected = TRUE;
        if (lpCalleeData != NULL)
        {
            Status = AfdIoctl(Socket->Handle, IOCTL_AFD_GET_CONNECT_DATA, NULL, 0,
                              lpCalleeData->buf, lpCalleeData->len, &Returned);
        }
    }

    return ReturnWithErrno(Status, lpErrno); /* expect: callee-len-not-set */
}
