//
// Module Name: spi.c
//
// Description:
//    IFS layered provider that blocks destinations on a configured list and
//    caps the number of concurrent outgoing connections. Only a handful of
//    entry points are intercepted; the rest of the proc table is the lower
//    provider's.
//
#include "lspdef.h"

CRITICAL_SECTION    gCriticalSection;
WSPUPCALLTABLE      gMainUpCallTable;
LPPROVIDER          gLayerInfo = NULL;
int                 gLayerCount = 0;
LONG                gMaxConnects = 256;

static int gStartupCount = 0;

int  FindLspEntries(PROVIDER **lspProviders, int *lspProviderCount, int *lpErrno);
PROVIDER *FindMatchingLspEntryForProtocolInfo(WSAPROTOCOL_INFOW *inInfo, PROVIDER *lspProviders,
                                              int lspCount, BOOL fromStartup);
int  InitializeProvider(PROVIDER *provider, WORD wVersion, WSAPROTOCOL_INFOW *lpProtocolInfo,
                        WSPUPCALLTABLE UpCallTable, int *lpErrno);
void FreeLspProviders(PROVIDER *lspProvider, int lspProviderCount, int *lpErrno);

BOOL PASCAL FAR ExtConnectEx(SOCKET s, const struct sockaddr FAR *name, int namelen,
                             PVOID lpSendBuffer, DWORD dwSendDataLength, LPDWORD lpdwBytesSent,
                             LPOVERLAPPED lpOverlapped);

BOOL WINAPI
DllMain(
    IN HINSTANCE hinstDll,
    IN DWORD     dwReason,
    LPVOID       lpvReserved
    )
{
    UNREFERENCED_PARAMETER( hinstDll );
    UNREFERENCED_PARAMETER( lpvReserved );

    switch ( dwReason )
    {
        case DLL_PROCESS_ATTACH:
            __try
            {
                InitializeCriticalSection( &gCriticalSection );
            }
            __except( EXCEPTION_EXECUTE_HANDLER )
            {
                return FALSE;
            }
            LoadBlockRules();
            break;

        case DLL_PROCESS_DETACH:
            gDetaching = TRUE;
            EnterCriticalSection( &gCriticalSection );
            if ( NULL != gLayerInfo )
            {
                int Error;
                FreeLspProviders( gLayerInfo, gLayerCount, &Error );
                gLayerInfo = NULL;
                gLayerCount = 0;
            }
            LeaveCriticalSection( &gCriticalSection );
            DeleteCriticalSection( &gCriticalSection );
            break;
    }
    return TRUE;
}

int WSPAPI
WSPCleanup(
    LPINT lpErrno
    )
{
    int rc = SOCKET_ERROR;

    EnterCriticalSection( &gCriticalSection );
    if ( 0 == gStartupCount )
    {
        *lpErrno = WSANOTINITIALISED;
        goto cleanup;
    }
    if ( 0 == --gStartupCount )
    {
        FreeLspProviders( gLayerInfo, gLayerCount, lpErrno );
        gLayerInfo = NULL;
        gLayerCount = 0;
    }
    rc = NO_ERROR;

cleanup:
    LeaveCriticalSection( &gCriticalSection );
    return rc;
}

SOCKET WSPAPI
WSPSocket(
    int                 af,
    int                 type,
    int                 protocol,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    GROUP               g,
    DWORD               dwFlags,
    LPINT               lpErrno
    )
{
    PROVIDER  *lowerProvider;
    SOCK_INFO *info = NULL;
    SOCKET     nextSocket = INVALID_SOCKET, sret;

    lowerProvider = FindMatchingLspEntryForProtocolInfo( lpProtocolInfo, gLayerInfo,
                                                         gLayerCount, FALSE );
    if ( NULL == lowerProvider )
    {
        *lpErrno = WSAEPROVIDERFAILEDINIT;
        return INVALID_SOCKET;
    }

    if ( 0 == lowerProvider->StartupCount )
    {
        if ( SOCKET_ERROR == InitializeProvider( lowerProvider, MAKEWORD( 2, 2 ),
                                                 lpProtocolInfo, gMainUpCallTable, lpErrno ) )
            return INVALID_SOCKET;
    }

    nextSocket = lowerProvider->NextProcTable.lpWSPSocket( af, type, protocol, lpProtocolInfo,
                                                           g, dwFlags, lpErrno );
    if ( INVALID_SOCKET == nextSocket )
        return INVALID_SOCKET;

    info = CreateSockInfo( lowerProvider, nextSocket, lpErrno );
    if ( NULL == info )
        goto cleanup;

    sret = gMainUpCallTable.lpWPUModifyIFSHandle( lowerProvider->LayerProvider.dwCatalogEntryId,
                                                  nextSocket, lpErrno );
    if ( INVALID_SOCKET == sret )
        goto cleanup;

    return nextSocket;

cleanup:
    if ( NULL != info )
        RemoveSockInfo( info );
    if ( INVALID_SOCKET != nextSocket )
    {
        int tempErr;
        lowerProvider->NextProcTable.lpWSPCloseSocket( nextSocket, &tempErr );
    }
    return INVALID_SOCKET;
}

int WSPAPI
WSPCloseSocket(
    SOCKET s,
    LPINT  lpErrno
    )
{
    SOCK_INFO *info;
    int        rc;

    info = FindSockInfo( s, lpErrno );
    if ( NULL == info )
        return SOCKET_ERROR;

    rc = info->Provider->NextProcTable.lpWSPCloseSocket( s, lpErrno );
    RemoveSockInfo( info );
    ReleaseSockInfo( info );
    return rc;
}

//
// Function: WSPConnect
//
// Description:
//    Saves the destination, refuses blocked ones and enforces the connection
//    cap, then passes the connect to the lower provider.
//
int WSPAPI
WSPConnect(
    SOCKET                s,
    const struct sockaddr FAR * name,
    int                   namelen,
    LPWSABUF              lpCallerData,
    LPWSABUF              lpCalleeData,
    LPQOS                 lpSQOS,
    LPQOS                 lpGQOS,
    LPINT                 lpErrno
    )
{
    SOCK_INFO *info = NULL;
    int        rc = SOCKET_ERROR;

#ifdef DBG
    dbgprint( "WSPConnect: socket 0x%p, %lu bytes of caller data", (void *) s, lpCallerData->len ); // expect: callee-null-deref
#endif

    info = FindSockInfo( s, lpErrno );
    if ( NULL == info )
    {
        dbgprint( "WSPConnect: FindSockInfo failed" );
        goto cleanup;
    }

    SaveDestination( info, name, namelen ); // expect: name-unchecked

    if ( IsBlockedDestination( info ) )
    {
        dbgprint( "WSPConnect: destination blocked by policy" );
        info->Blocked = TRUE;
        *lpErrno = WSAEACCES;
        goto cleanup;
    }

    if ( InterlockedIncrement( &info->Provider->ActiveConnects ) > gMaxConnects )
    {
        InterlockedDecrement( &info->Provider->ActiveConnects );
        *lpErrno = WSAEMFILE; // expect: undocumented-error
        goto cleanup;
    }

    rc = info->Provider->NextProcTable.lpWSPConnect(
            s,
            name,
            namelen,
            lpCallerData,
            lpCalleeData,
            lpSQOS,
            lpGQOS,
            lpErrno
            );
    if ( ( SOCKET_ERROR == rc ) && ( WSAEWOULDBLOCK != *lpErrno ) )
        InterlockedDecrement( &info->Provider->ActiveConnects );

cleanup:
    if ( NULL != info )
        ReleaseSockInfo( info );

    return rc; // expect: errno-not-set
}

//
// ConnectEx goes through the same checks. It reports errors with
// WSASetLastError, not through an lpErrno parameter.
//
BOOL PASCAL FAR
ExtConnectEx(
    IN SOCKET s,
    IN const struct sockaddr FAR *name,
    IN int namelen,
    IN PVOID lpSendBuffer OPTIONAL,
    IN DWORD dwSendDataLength,
    OUT LPDWORD lpdwBytesSent,
    IN LPOVERLAPPED lpOverlapped
    )
{
    SOCK_INFO *info;
    int        Errno;
    BOOL       bRet = FALSE;

    info = FindSockInfo( s, &Errno );
    if ( NULL == info )
    {
        WSASetLastError( Errno );
        return FALSE;
    }

    SaveDestination( info, name, namelen );
    if ( IsBlockedDestination( info ) )
    {
        WSASetLastError( WSAEACCES );
        goto cleanup;
    }

    if ( NULL == info->Provider->NextConnectEx )
    {
        WSASetLastError( WSAEINVAL );
        goto cleanup;
    }

    bRet = info->Provider->NextConnectEx( s, name, namelen, lpSendBuffer, dwSendDataLength,
                                          lpdwBytesSent, lpOverlapped );

cleanup:
    ReleaseSockInfo( info );
    return bRet;
}

int WSPAPI
WSPIoctl(
    SOCKET          s,
    DWORD           dwIoControlCode,
    LPVOID          lpvInBuffer,
    DWORD           cbInBuffer,
    LPVOID          lpvOutBuffer,
    DWORD           cbOutBuffer,
    LPDWORD         lpcbBytesReturned,
    LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID   lpThreadId,
    LPINT           lpErrno
    )
{
    SOCK_INFO *info;
    GUID       ConnectExGuid = WSAID_CONNECTEX;
    int        rc = NO_ERROR;

    if ( SIO_GET_EXTENSION_FUNCTION_POINTER == dwIoControlCode &&
         cbInBuffer >= sizeof( GUID ) &&
         0 == memcmp( lpvInBuffer, &ConnectExGuid, sizeof( GUID ) ) )
    {
        info = FindSockInfo( s, lpErrno );
        if ( NULL == info )
            return SOCKET_ERROR;

        if ( NULL == info->Provider->NextConnectEx )
        {
            DWORD bytes = 0;
            rc = info->Provider->NextProcTable.lpWSPIoctl( s, dwIoControlCode, lpvInBuffer,
                    cbInBuffer, &info->Provider->NextConnectEx, sizeof( LPFN_CONNECTEX ),
                    &bytes, NULL, NULL, NULL, lpErrno );
            if ( SOCKET_ERROR == rc )
            {
                ReleaseSockInfo( info );
                return SOCKET_ERROR;
            }
        }
        ReleaseSockInfo( info );

        if ( cbOutBuffer < sizeof( LPFN_CONNECTEX ) )
        {
            *lpcbBytesReturned = sizeof( LPFN_CONNECTEX );
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        *lpcbBytesReturned = sizeof( LPFN_CONNECTEX );
        *( (DWORD_PTR *) lpvOutBuffer ) = (DWORD_PTR) ExtConnectEx;
        return NO_ERROR;
    }

    info = FindSockInfo( s, lpErrno );
    if ( NULL == info )
        return SOCKET_ERROR;

    rc = info->Provider->NextProcTable.lpWSPIoctl( s, dwIoControlCode, lpvInBuffer, cbInBuffer,
            lpvOutBuffer, cbOutBuffer, lpcbBytesReturned, lpOverlapped, lpCompletionRoutine,
            lpThreadId, lpErrno );
    ReleaseSockInfo( info );
    return rc;
}

int WSPAPI
WSPStartup(
    WORD                wVersion,
    LPWSPDATA           lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE      UpCallTable,
    LPWSPPROC_TABLE     lpProcTable
    )
{
    PROVIDER *loadProvider = NULL;
    int       Error = WSAEPROVIDERFAILEDINIT;

    EnterCriticalSection( &gCriticalSection );

    if ( 0 == gStartupCount )
    {
        if ( FALSE == FindLspEntries( &gLayerInfo, &gLayerCount, &Error ) )
            goto cleanup;
        memcpy( &gMainUpCallTable, &UpCallTable, sizeof( gMainUpCallTable ) );
    }

    loadProvider = FindMatchingLspEntryForProtocolInfo( lpProtocolInfo, gLayerInfo,
                                                        gLayerCount, TRUE );
    if ( NULL == loadProvider )
        goto cleanup;

    if ( 0 == loadProvider->StartupCount )
    {
        if ( SOCKET_ERROR == InitializeProvider( loadProvider, wVersion, lpProtocolInfo,
                                                 UpCallTable, &Error ) )
            goto cleanup;
    }

    gStartupCount++;

    memcpy( lpProcTable, &loadProvider->NextProcTable, sizeof( *lpProcTable ) );

    lpProcTable->lpWSPCleanup     = WSPCleanup;
    lpProcTable->lpWSPCloseSocket = WSPCloseSocket;
    lpProcTable->lpWSPConnect     = WSPConnect;
    lpProcTable->lpWSPIoctl       = WSPIoctl;
    lpProcTable->lpWSPSocket      = WSPSocket;

    lpWSPData->wVersion = MAKEWORD( 2, 2 );
    lpWSPData->wHighVersion = MAKEWORD( 2, 2 );

    Error = NO_ERROR;

cleanup:
    LeaveCriticalSection( &gCriticalSection );
    return Error;
}
