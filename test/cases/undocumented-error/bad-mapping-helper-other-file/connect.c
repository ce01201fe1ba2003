/* Connect entry of the base provider. */
#include <winsock2.h>
#include <ws2spi.h>

typedef struct _SOCK {
    HANDLE Handle;
    int    State;
} SOCK, *PSOCK;

INT   TranslateNtStatusError(NTSTATUS Status);
PSOCK GetSocketStructure(SOCKET Handle);
NTSTATUS AfdIssueConnect(PSOCK Sock, const struct sockaddr *Addr, int AddrLen);

INT
WSPAPI
WSPConnect(
    _In_ SOCKET Handle,
    _In_reads_bytes_(SocketAddressLength) const struct sockaddr *SocketAddress,
    _In_ INT SocketAddressLength,
    _In_opt_ LPWSABUF lpCallerData,
    _Inout_opt_ LPWSABUF lpCalleeData,
    _In_opt_ LPQOS lpSQOS,
    _In_opt_ LPQOS lpGQOS,
    _Out_ LPINT lpErrno)
{
    PSOCK Sock;
    NTSTATUS Status;

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

    Status = AfdIssueConnect(Sock, SocketAddress, SocketAddressLength);
    if (!NT_SUCCESS(Status))
    {
        *lpErrno = TranslateNtStatusError(Status); /* expect: undocumented-error */
        return SOCKET_ERROR;
    }

    /* This transport carries no connect data. */
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return NO_ERROR;
}
