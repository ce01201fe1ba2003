#include "afdp.h"

INT
TranslateNtStatusError(NTSTATUS Status)
{
    switch (Status)
    {
    case STATUS_CANT_WAIT:
        return WSAEWOULDBLOCK;
    case STATUS_INSUFFICIENT_RESOURCES:
    case STATUS_NO_MEMORY:
        return WSAENOBUFS;
    case STATUS_CONNECTION_RESET:
        return WSAECONNRESET;
    case STATUS_CONNECTION_ABORTED:
    case STATUS_LOCAL_DISCONNECT:
        return WSAECONNABORTED;
    case STATUS_NETWORK_UNREACHABLE:
    case STATUS_NETWORK_BUSY:
        return WSAENETDOWN;
    case STATUS_ACCESS_VIOLATION:
        return WSAEFAULT;
    default:
        return WSAENETRESET;
    }
}
