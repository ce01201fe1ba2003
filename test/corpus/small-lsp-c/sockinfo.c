/*
 * Socket context list. Contexts are reference counted: FindSockInfo takes a
 * reference that ReleaseSockInfo drops.
 */
#include "lspdef.h"

static SOCK_INFO *gSockList = NULL;
volatile BOOL gDetaching = FALSE;

SOCK_INFO *
FindSockInfo(
    SOCKET  s,
    int    *lpErrno
    )
{
    SOCK_INFO *info;

    // While the DLL is detaching the list is being torn down; don't touch it.
    if ( gDetaching )
        return NULL;

    EnterCriticalSection( &gCriticalSection );
    for ( info = gSockList; info != NULL; info = info->Next )
    {
        if ( info->Socket == s )
        {
            InterlockedIncrement( &info->RefCount );
            break;
        }
    }
    LeaveCriticalSection( &gCriticalSection );

    if ( NULL == info )
        *lpErrno = WSAENOTSOCK;
    return info;
}

SOCK_INFO *
CreateSockInfo(
    PROVIDER *Provider,
    SOCKET    s,
    int      *lpErrno
    )
{
    SOCK_INFO *info;

    info = (SOCK_INFO *) HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof( SOCK_INFO ) );
    if ( NULL == info )
    {
        *lpErrno = WSAENOBUFS;
        return NULL;
    }

    info->Socket   = s;
    info->Provider = Provider;
    info->RefCount = 1;

    EnterCriticalSection( &gCriticalSection );
    info->Next = gSockList;
    gSockList  = info;
    LeaveCriticalSection( &gCriticalSection );

    return info;
}

void
ReleaseSockInfo(
    SOCK_INFO *info
    )
{
    if ( 0 == InterlockedDecrement( &info->RefCount ) )
        HeapFree( GetProcessHeap(), 0, info );
}

void
RemoveSockInfo(
    SOCK_INFO *info
    )
{
    SOCK_INFO **pp;

    EnterCriticalSection( &gCriticalSection );
    for ( pp = &gSockList; *pp != NULL; pp = &(*pp)->Next )
    {
        if ( *pp == info )
        {
            *pp = info->Next;
            break;
        }
    }
    LeaveCriticalSection( &gCriticalSection );
    ReleaseSockInfo( info );
}
