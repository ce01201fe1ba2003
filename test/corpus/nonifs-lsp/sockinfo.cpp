//
// Module Name: sockinfo.cpp
//
// Description:
//    Management of the SOCK_INFO structures that map the application's socket
//    to the lower provider's socket.
//
#include "lspdef.h"

//
// Function: FindAndRefSocketContext
//
// Description:
//    Looks up the context of the application socket and takes a reference.
//    Any failure is reported as WSAENOTSOCK.
//
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
        dbgprint("FindAndRefSocketContext: WPUQuerySocketHandleContext failed: %d", *lpErrno);
        *lpErrno = WSAENOTSOCK;
    }
    else
    {
        InterlockedIncrement(&SocketContext->RefCount);
    }

    LeaveCriticalSection(&gCriticalSection);

    return SocketContext;
}

//
// Function: DerefSocketContext
//
// Description:
//    Drops a reference. If the application closed the socket while we held
//    the reference, the close is completed here (and its error, if any, is
//    what the caller sees).
//
void
DerefSocketContext(
    SOCK_INFO  *context,
    int        *lpErrno
    )
{
    LONG newval;
    int  ret = NO_ERROR;

    EnterCriticalSection(&gCriticalSection);

    newval = InterlockedDecrement(&context->RefCount);
    if ( ( 0 == newval ) &&
         ( 0 == context->OutstandingOps ) &&
         ( TRUE == context->bClosing )
       )
    {
        ret = context->Provider->NextProcTable.lpWSPCloseSocket(
                context->ProviderSocket,
                lpErrno
                );
        if ( SOCKET_ERROR == ret )
        {
            dbgprint("DerefSocketContext: WSPCloseSocket failed: %d", *lpErrno);
        }

        ret = gMainUpCallTable.lpWPUCloseSocketHandle(
                context->LayeredSocket,
                lpErrno
                );

        RemoveSocketInfo(context->Provider, context);
        FreeSockInfo(context);
    }

    LeaveCriticalSection(&gCriticalSection);
}

SOCK_INFO *
CreateSockInfo(
    PROVIDER   *Provider,
    SOCKET      ProviderSocket,
    SOCK_INFO  *Inherit,
    BOOL        Insert,
    int        *lpErrno
    )
{
    SOCK_INFO *NewInfo = NULL;

    NewInfo = (SOCK_INFO *) HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(SOCK_INFO));
    if ( NULL == NewInfo )
    {
        dbgprint("CreateSockInfo: HeapAlloc failed: %d", GetLastError());
        *lpErrno = WSAENOBUFS;
        goto cleanup;
    }

    NewInfo->ProviderSocket = ProviderSocket;
    NewInfo->bClosing       = FALSE;
    NewInfo->RefCount       = 1;
    NewInfo->Provider       = Provider;
    NewInfo->AddressFamily  = Provider->NextProvider.iAddressFamily;
    if ( NULL != Inherit )
    {
        NewInfo->hWnd = Inherit->hWnd;
        NewInfo->uMsg = Inherit->uMsg;
    }

    __try
    {
        InitializeCriticalSection( &NewInfo->SockCritSec );
    }
    __except( EXCEPTION_EXECUTE_HANDLER )
    {
        *lpErrno = WSAENOBUFS;
        HeapFree(GetProcessHeap(), 0, NewInfo);
        NewInfo = NULL;
        goto cleanup;
    }

    if ( TRUE == Insert )
        InsertSocketInfo(Provider, NewInfo);

cleanup:
    return NewInfo;
}

void
FreeSockInfo(
    SOCK_INFO *info
    )
{
    DeleteCriticalSection( &info->SockCritSec );
    HeapFree( GetProcessHeap(), 0, info );
}

void
InsertSocketInfo(
    PROVIDER  *provider,
    SOCK_INFO *sock
    )
{
    EnterCriticalSection( &provider->ProviderCritSec );
    sock->next = provider->SocketList;
    provider->SocketList = sock;
    LeaveCriticalSection( &provider->ProviderCritSec );
}

void
RemoveSocketInfo(
    PROVIDER  *provider,
    SOCK_INFO *sock
    )
{
    SOCK_INFO **pp;

    EnterCriticalSection( &provider->ProviderCritSec );
    for ( pp = &provider->SocketList; NULL != *pp; pp = &(*pp)->next )
    {
        if ( *pp == sock )
        {
            *pp = sock->next;
            break;
        }
    }
    LeaveCriticalSection( &provider->ProviderCritSec );
}
