/*
 * NTSTATUS to Winsock error mapping shared by every WSP entry point of the
 * provider. For WSPRecv a reset is the right answer; WSPConnect does not
 * document WSAECONNRESET or WSAENOTCONN.
 */
#include <winsock2.h>
#include <winternl.h>
#include <ntstatus.h>

INT
TranslateNtStatusError(NTSTATUS Status)
{
    switch (Status)
    {
    case STATUS_SUCCESS:
        return NO_ERROR;
    case STATUS_CANT_WAIT:
        return WSAEWOULDBLOCK;
    case STATUS_TIMEOUT:
    case STATUS_IO_TIMEOUT:
        return WSAETIMEDOUT;
    case STATUS_INSUFFICIENT_RESOURCES:
    case STATUS_NO_MEMORY:
        return WSAENOBUFS;
    case STATUS_CONNECTION_REFUSED:
    case STATUS_REMOTE_NOT_LISTENING:
        return WSAECONNREFUSED;
    case STATUS_CONNECTION_RESET:
        return WSAECONNRESET;
    case STATUS_INVALID_CONNECTION:
        return WSAENOTCONN;
    case STATUS_NETWORK_UNREACHABLE:
        return WSAENETUNREACH;
    case STATUS_INVALID_ADDRESS:
        return WSAEADDRNOTAVAIL;
    case STATUS_ACCESS_VIOLATION:
        return WSAEFAULT;
    default:
        return WSAEINVAL;
    }
}
