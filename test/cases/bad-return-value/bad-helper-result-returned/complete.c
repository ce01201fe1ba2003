/*
 * Completion helper shared by the connect paths. It returns 0 on success,
 * SOCKET_ERROR on failure (with *lpErrno set) and, for a nonblocking socket,
 * WSAEWOULDBLOCK itself: a convention that is fine for the provider's
 * internal state machine but not for a WSPConnect return value.
 */
#include <ws2spi.h>
#include "conn.h"

int
CompleteConnect(CONN *c, NTSTATUS status, LPINT lpErrno)
{
    if (status == STATUS_PENDING)
    {
        c->State = CONN_PENDING;
        return WSAEWOULDBLOCK;
    }
    if (!NT_SUCCESS(status))
    {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    c->State = CONN_OPEN;
    return 0;
}
