/* Socket context bookkeeping. */
#include "provider.h"

volatile LONG gShuttingDown = 0;

PLSP_SOCKET
LspReferenceSocket(
    IN  SOCKET s,
    OUT LPINT  lpErrno
    )
{
    PLSP_SOCKET Sock = NULL;

    /* During DLL detach the upcall table may already be gone. */
    if (gShuttingDown)
        return NULL;

    if (gUpcalls.lpWPUQuerySocketHandleContext(s, (PDWORD_PTR)&Sock, lpErrno) == SOCKET_ERROR)
    {
        *lpErrno = WSAENOTSOCK;
        return NULL;
    }

    if (Sock->Closing)
    {
        *lpErrno = WSAENOTSOCK;
        return NULL;
    }

    InterlockedIncrement(&Sock->RefCount);
    return Sock;
}

VOID
LspDereferenceSocket(
    IN PLSP_SOCKET Sock
    )
{
    InterlockedDecrement(&Sock->RefCount);
}
