#include "lsp.h"

extern WSPUPCALLTABLE gMainUpCallTable;
extern CRITICAL_SECTION gCriticalSection;

SOCK_INFO *
FindAndRefSocketContext(
    SOCKET  s,
    int    *lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    int        ret;

    EnterCriticalSection(&gCriticalSection);

    ret = gMainUpCallTable.lpWPUQuerySocketHandleContext(
            s,
            (PDWORD_PTR) &SocketContext,
            lpErrno
            );
    if ( SOCKET_ERROR == ret )
    {
        *lpErrno = WSAENOTSOCK;
    }
    else
    {
        InterlockedIncrement(&SocketContext->RefCount);
    }

    LeaveCriticalSection(&gCriticalSection);

    return SocketContext;
}

void
DerefSocketContext(
    SOCK_INFO  *ctx,
    int        *lpErrno
    )
{
    UNREFERENCED_PARAMETER(lpErrno);
    InterlockedDecrement(&ctx->RefCount);
}
