// THIS CODE AND INFORMATION IS PROVIDED "AS IS" WITHOUT WARRANTY OF ANY KIND.
//
// Module Name: spi.cpp
//
// Description:
//
//    A non-IFS layered service provider that counts the bytes sent and
//    received on every IP socket and reports them when the socket closes.
//    Every SPI function is implemented: the LSP's own socket handles are
//    created with WPUCreateSocketHandle and translated to the lower
//    provider's handles on each call.
//
#include "lspdef.h"
#include <ws2ipdef.h>
#include <stdio.h>
#include <stdlib.h>

#pragma warning(disable:4127)

#define ASSERT(x) do { if (!(x)) DebugBreak(); } while (0)

CRITICAL_SECTION    gCriticalSection;
WSPUPCALLTABLE      gMainUpCallTable;
HINSTANCE           gDllInstance = NULL;
LPPROVIDER          gBaseInfo = NULL;
INT                 gLayerCount = 0;

static DWORD    gTlsIndex = 0xFFFFFFFF;
static DWORD    gEntryCount = 0;
static WSPDATA  gWSPData;
static BOOL     gDetached = FALSE;

#define SetBlockingProvider(Provider)           \
    ( gTlsIndex!=0xFFFFFFFF )                   \
        ? TlsSetValue ( gTlsIndex, Provider )   \
        : NULL

SOCKET WSPAPI WSPAccept(SOCKET, struct sockaddr FAR *, LPINT, LPCONDITIONPROC, DWORD_PTR, LPINT);
int WSPAPI WSPAddressToString(LPSOCKADDR, DWORD, LPWSAPROTOCOL_INFOW, LPWSTR, LPDWORD, LPINT);
int WSPAPI WSPAsyncSelect(SOCKET, HWND, unsigned int, long, LPINT);
int WSPAPI WSPBind(SOCKET, const struct sockaddr FAR *, int, LPINT);
int WSPAPI WSPCancelBlockingCall(LPINT);
int WSPAPI WSPCleanup(LPINT);
int WSPAPI WSPCloseSocket(SOCKET, LPINT);
int WSPAPI WSPConnect(SOCKET, const struct sockaddr FAR *, int, LPWSABUF, LPWSABUF, LPQOS, LPQOS, LPINT);
int WSPAPI WSPDuplicateSocket(SOCKET, DWORD, LPWSAPROTOCOL_INFOW, LPINT);
int WSPAPI WSPEnumNetworkEvents(SOCKET, WSAEVENT, LPWSANETWORKEVENTS, LPINT);
int WSPAPI WSPEventSelect(SOCKET, WSAEVENT, long, LPINT);
BOOL WSPAPI WSPGetOverlappedResult(SOCKET, LPWSAOVERLAPPED, LPDWORD, BOOL, LPDWORD, LPINT);
int WSPAPI WSPGetPeerName(SOCKET, struct sockaddr FAR *, LPINT, LPINT);
int WSPAPI WSPGetSockName(SOCKET, struct sockaddr FAR *, LPINT, LPINT);
int WSPAPI WSPGetSockOpt(SOCKET, int, int, char FAR *, LPINT, LPINT);
BOOL WSPAPI WSPGetQOSByName(SOCKET, LPWSABUF, LPQOS, LPINT);
int WSPAPI WSPIoctl(SOCKET, DWORD, LPVOID, DWORD, LPVOID, DWORD, LPDWORD, LPWSAOVERLAPPED,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE, LPWSATHREADID, LPINT);
SOCKET WSPAPI WSPJoinLeaf(SOCKET, const struct sockaddr FAR *, int, LPWSABUF, LPWSABUF, LPQOS,
                          LPQOS, DWORD, LPINT);
int WSPAPI WSPListen(SOCKET, int, LPINT);
int WSPAPI WSPRecv(SOCKET, LPWSABUF, DWORD, LPDWORD, LPDWORD, LPWSAOVERLAPPED,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE, LPWSATHREADID, LPINT);
int WSPAPI WSPRecvDisconnect(SOCKET, LPWSABUF, LPINT);
int WSPAPI WSPRecvFrom(SOCKET, LPWSABUF, DWORD, LPDWORD, LPDWORD, struct sockaddr FAR *, LPINT,
                       LPWSAOVERLAPPED, LPWSAOVERLAPPED_COMPLETION_ROUTINE, LPWSATHREADID, LPINT);
int WSPAPI WSPSelect(int, fd_set FAR *, fd_set FAR *, fd_set FAR *, const struct timeval FAR *, LPINT);
int WSPAPI WSPSend(SOCKET, LPWSABUF, DWORD, LPDWORD, DWORD, LPWSAOVERLAPPED,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE, LPWSATHREADID, LPINT);
int WSPAPI WSPSendDisconnect(SOCKET, LPWSABUF, LPINT);
int WSPAPI WSPSendTo(SOCKET, LPWSABUF, DWORD, LPDWORD, DWORD, const struct sockaddr FAR *, int,
                     LPWSAOVERLAPPED, LPWSAOVERLAPPED_COMPLETION_ROUTINE, LPWSATHREADID, LPINT);
int WSPAPI WSPSetSockOpt(SOCKET, int, int, const char FAR *, int, LPINT);
int WSPAPI WSPShutdown(SOCKET, int, LPINT);
SOCKET WSPAPI WSPSocket(int, int, int, LPWSAPROTOCOL_INFOW, GROUP, DWORD, LPINT);
int WSPAPI WSPStringToAddress(LPWSTR, INT, LPWSAPROTOCOL_INFOW, LPSOCKADDR, LPINT, LPINT);

// Fill out our proc table with our own LSP functions
static WSPPROC_TABLE gProcTable = {
    WSPAccept,
    WSPAddressToString,
    WSPAsyncSelect,
    WSPBind,
    WSPCancelBlockingCall,
    WSPCleanup,
    WSPCloseSocket,
    WSPConnect,
    WSPDuplicateSocket,
    WSPEnumNetworkEvents,
    WSPEventSelect,
    WSPGetOverlappedResult,
    WSPGetPeerName,
    WSPGetSockName,
    WSPGetSockOpt,
    WSPGetQOSByName,
    WSPIoctl,
    WSPJoinLeaf,
    WSPListen,
    WSPRecv,
    WSPRecvDisconnect,
    WSPRecvFrom,
    WSPSelect,
    WSPSend,
    WSPSendDisconnect,
    WSPSendTo,
    WSPSetSockOpt,
    WSPShutdown,
    WSPSocket,
    WSPStringToAddress
    };

BOOL WINAPI
DllMain(
    IN HINSTANCE hinstDll,
    IN DWORD dwReason,
    LPVOID lpvReserved
    )
{
    UNREFERENCED_PARAMETER( lpvReserved );

    switch (dwReason)
    {
        case DLL_PROCESS_ATTACH:
            gDllInstance = hinstDll;
            __try
            {
                InitializeCriticalSection( &gCriticalSection );
            }
            __except( EXCEPTION_EXECUTE_HANDLER )
            {
                return FALSE;
            }
            gTlsIndex = TlsAlloc();
            break;

        case DLL_PROCESS_DETACH:
            gDetached = TRUE;
            DeleteCriticalSection( &gCriticalSection );
            if ( 0xFFFFFFFF != gTlsIndex )
            {
                TlsFree( gTlsIndex );
                gTlsIndex = 0xFFFFFFFF;
            }
            break;
    }
    return TRUE;
}

SOCKET WSPAPI
WSPAccept(
    SOCKET          s,
    struct sockaddr FAR * addr,
    LPINT           addrlen,
    LPCONDITIONPROC lpfnCondition,
    DWORD_PTR       dwCallbackData,
    LPINT           lpErrno
    )
{
    SOCKET     NewProviderSocket;
    SOCKET     NewSocket = INVALID_SOCKET;
    SOCK_INFO *NewSocketContext = NULL;
    SOCK_INFO *SocketContext = NULL;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
    {
        dbgprint( "WSPAccept: FindAndRefSocketContext failed!" );
        goto cleanup;
    }

    SetBlockingProvider(SocketContext->Provider);
    NewProviderSocket = SocketContext->Provider->NextProcTable.lpWSPAccept(
                            SocketContext->ProviderSocket,
                            addr,
                            addrlen,
                            lpfnCondition,
                            dwCallbackData,
                            lpErrno);
    SetBlockingProvider(NULL);
    if ( INVALID_SOCKET != NewProviderSocket )
    {
        NewSocketContext = CreateSockInfo(
                SocketContext->Provider,
                NewProviderSocket,
                SocketContext,
                FALSE,
                lpErrno
                );
        if ( NULL == NewSocketContext )
            goto cleanup;

        NewSocket = NewSocketContext->LayeredSocket = gMainUpCallTable.lpWPUCreateSocketHandle(
                SocketContext->Provider->LayerProvider.dwCatalogEntryId,
                (DWORD_PTR) NewSocketContext,
                lpErrno);
        if ( INVALID_SOCKET == NewSocket )
        {
            int tempErr;

            SocketContext->Provider->NextProcTable.lpWSPCloseSocket(
                NewProviderSocket,
               &tempErr
                );
            FreeSockInfo(NewSocketContext);
        }
        else
        {
            InsertSocketInfo(SocketContext->Provider, NewSocketContext);
        }
    }

cleanup:

    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );

    return NewSocket;
}

int WSPAPI
WSPBind(
    SOCKET                s,
    const struct sockaddr FAR * name,
    int                   namelen,
    LPINT                 lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
    {
        dbgprint( "WSPBind: FindAndRefSocketContext failed!" );
        goto cleanup;
    }

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPBind(
            SocketContext->ProviderSocket,
            name,
            namelen,
            lpErrno
            );
    SetBlockingProvider(NULL);

cleanup:

    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );

    return ret;
}

int WSPAPI
WSPCleanup(
    LPINT lpErrno
    )
{
    int rc = SOCKET_ERROR;

    if ( gDetached )
        return NO_ERROR;

    EnterCriticalSection( &gCriticalSection );
    if ( 0 == gEntryCount )
    {
        *lpErrno = WSANOTINITIALISED;
        goto cleanup;
    }
    gEntryCount--;
    rc = NO_ERROR;

cleanup:
    LeaveCriticalSection( &gCriticalSection );
    return rc;
}

int WSPAPI
WSPCloseSocket(
    SOCKET s,
    LPINT  lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
    {
        dbgprint( "WSPCloseSocket: FindAndRefSocketContext failed!" );
        return SOCKET_ERROR;
    }

    SocketContext->bClosing = TRUE;

    dbgprint( "Closing socket %d: sent %I64d bytes, received %I64d bytes",
              s, SocketContext->BytesSent, SocketContext->BytesRecv );

    // The last reference completes the close (see DerefSocketContext)
    DerefSocketContext( SocketContext, lpErrno );
    return NO_ERROR;
}

//
// Function: IsV4MappedDestination
//
// Description:
//    Dual-stack sockets connecting to an IPv4-mapped address are logged so
//    that the byte counts can be attributed to IPv4 traffic.
//
static BOOL
IsV4MappedDestination(
    const struct sockaddr *name
    )
{
    const SOCKADDR_IN6 *sin6 = (const SOCKADDR_IN6 *) name;

    if ( AF_INET6 != sin6->sin6_family )
        return FALSE;
    return IN6_IS_ADDR_V4MAPPED( &sin6->sin6_addr );
}

//
// Function: WSPConnect
//
// Description:
//    Performs a connect call. The only thing we need to do is translate
//    the socket handle (and keep the statistics).
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
    SOCK_INFO *SocketContext = NULL;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
    {
        dbgprint( "WSPConnect: FindAndRefSocketContext failed!" );
        goto cleanup;
    }

    if ( TRUE == SocketContext->bClosing )
    {
        // closesocket raced with this call
        *lpErrno = WSAECONNABORTED; // expect: undocumented-error
        goto cleanup;
    }

    if ( InterlockedIncrement( &SocketContext->Provider->ConnectsInFlight ) > MAX_CONNECTS_IN_FLIGHT )
    {
        InterlockedDecrement( &SocketContext->Provider->ConnectsInFlight );
        dbgprint( "WSPConnect: too many connects in flight" );
        goto cleanup;
    }

    if ( ( AF_INET6 == SocketContext->AddressFamily ) && IsV4MappedDestination( name ) ) // expect: name-unchecked
    {
        dbgprint( "WSPConnect: v4-mapped destination on socket 0x%p", (void *) s );
    }

    ASSERT( SocketContext->Provider->NextProcTable.lpWSPConnect );

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPConnect(
            SocketContext->ProviderSocket,
            name,
            namelen,
            lpCallerData,
            lpCalleeData,
            lpSQOS,
            lpGQOS,
            lpErrno
            );
    SetBlockingProvider(NULL);

    InterlockedDecrement( &SocketContext->Provider->ConnectsInFlight );

    if ( NO_ERROR == ret )
    {
        // Connect data is payload the application sent on this socket
        SocketContext->BytesSent += lpCallerData->len; // expect: callee-null-deref
    }

cleanup:

    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );

    return ret; // expect: errno-not-set
}

SOCKET WSPAPI
WSPJoinLeaf(
    SOCKET       s,
    const struct sockaddr FAR * name,
    int          namelen,
    LPWSABUF     lpCallerData,
    LPWSABUF     lpCalleeData,
    LPQOS        lpSQOS,
    LPQOS        lpGQOS,
    DWORD        dwFlags,
    LPINT        lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    SOCKET     NextProviderSocket = INVALID_SOCKET;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
        goto cleanup;

    if ( IsV4MappedDestination( name ) )
        dbgprint( "WSPJoinLeaf: v4-mapped group address" );

    SetBlockingProvider(SocketContext->Provider);
    NextProviderSocket = SocketContext->Provider->NextProcTable.lpWSPJoinLeaf(
            SocketContext->ProviderSocket, name, namelen, lpCallerData, lpCalleeData,
            lpSQOS, lpGQOS, dwFlags, lpErrno);
    SetBlockingProvider(NULL);

    if ( INVALID_SOCKET != NextProviderSocket )
        SocketContext->BytesSent += lpCallerData->len;

cleanup:
    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );

    return ( INVALID_SOCKET == NextProviderSocket ) ? INVALID_SOCKET : s;
}

int WSPAPI
WSPListen(
    SOCKET s,
    int    backlog,
    LPINT  lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPListen(
            SocketContext->ProviderSocket,
            backlog,
            lpErrno
            );
    SetBlockingProvider(NULL);

cleanup:
    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );
    return ret;
}

int WSPAPI
WSPGetPeerName(
    SOCKET          s,
    struct sockaddr FAR * name,
    LPINT           namelen,
    LPINT           lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPGetPeerName(
                SocketContext->ProviderSocket,
                name,
                namelen,
                lpErrno);
    SetBlockingProvider(NULL);

cleanup:
    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );
    return ret;
}

int WSPAPI
WSPGetSockOpt(
    SOCKET     s,
    int        level,
    int        optname,
    char FAR * optval,
    LPINT      optlen,
    LPINT      lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    INT        ret = NO_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
    {
        ret = SOCKET_ERROR;
        goto cleanup;
    }

    __try
    {
        if ( ( SOL_SOCKET == level ) && ( SO_PROTOCOL_INFOW == optname ) )
        {
            if ( sizeof( WSAPROTOCOL_INFOW ) <= (size_t) *optlen )
            {
                memcpy( optval, &SocketContext->Provider->LayerProvider, sizeof( WSAPROTOCOL_INFOW ) );
                *optlen = sizeof( WSAPROTOCOL_INFOW );
            }
            else
            {
                ret = SOCKET_ERROR;
                *lpErrno = WSAEFAULT;
            }
            goto cleanup;
        }
    }
    __except( EXCEPTION_EXECUTE_HANDLER )
    {
        ret = SOCKET_ERROR;
        *lpErrno = WSAEFAULT;
        goto cleanup;
    }

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPGetSockOpt(
                SocketContext->ProviderSocket,
                level,
                optname,
                optval,
                optlen,
                lpErrno);
    SetBlockingProvider(NULL);

cleanup:
    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );
    return ret;
}

int WSPAPI
WSPSend(
    SOCKET          s,
    LPWSABUF        lpBuffers,
    DWORD           dwBufferCount,
    LPDWORD         lpNumberOfBytesSent,
    DWORD           dwFlags,
    LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID   lpThreadId,
    LPINT           lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
        goto cleanup;

    if ( NULL != lpOverlapped )
    {
        // Overlapped sends are counted at completion time by the overlap manager
        *lpErrno = WSAEOPNOTSUPP;
        goto cleanup;
    }

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPSend(
            SocketContext->ProviderSocket,
            lpBuffers,
            dwBufferCount,
            lpNumberOfBytesSent,
            dwFlags,
            NULL,
            lpCompletionRoutine,
            lpThreadId,
            lpErrno);
    SetBlockingProvider(NULL);
    if ( NO_ERROR == ret )
        SocketContext->BytesSent += *lpNumberOfBytesSent;

cleanup:
    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );
    return ret;
}

int WSPAPI
WSPRecv(
    SOCKET          s,
    LPWSABUF        lpBuffers,
    DWORD           dwBufferCount,
    LPDWORD         lpNumberOfBytesRecvd,
    LPDWORD         lpFlags,
    LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID   lpThreadId,
    LPINT           lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
        goto cleanup;

    if ( NULL != lpOverlapped )
    {
        *lpErrno = WSAEOPNOTSUPP;
        goto cleanup;
    }

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPRecv(
            SocketContext->ProviderSocket,
            lpBuffers,
            dwBufferCount,
            lpNumberOfBytesRecvd,
            lpFlags,
            NULL,
            lpCompletionRoutine,
            lpThreadId,
            lpErrno);
    SetBlockingProvider(NULL);
    if ( NO_ERROR == ret )
        SocketContext->BytesRecv += *lpNumberOfBytesRecvd;

cleanup:
    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );
    return ret;
}

int WSPAPI
WSPShutdown(
    SOCKET s,
    int    how,
    LPINT  lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPShutdown(
            SocketContext->ProviderSocket,
            how,
            lpErrno);
    SetBlockingProvider(NULL);

cleanup:
    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext, lpErrno );
    return ret;
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
    SOCKET      NextSocket = INVALID_SOCKET;
    SOCKET      NewSocket = INVALID_SOCKET;
    SOCK_INFO  *SocketContext = NULL;
    PROVIDER   *Provider = NULL;

    *lpErrno = NO_ERROR;

    Provider = FindMatchingLspEntryForProtocolInfo( lpProtocolInfo, gBaseInfo, gLayerCount, FALSE );
    if ( NULL == Provider )
    {
        *lpErrno = WSAEINVAL;
        goto cleanup;
    }

    if ( 0 == Provider->StartupCount )
    {
        if ( SOCKET_ERROR == InitializeProvider( Provider, MAKEWORD(2,2), lpProtocolInfo,
                gMainUpCallTable, lpErrno ) )
            goto cleanup;
    }

    SetBlockingProvider(Provider);
    NextSocket = Provider->NextProcTable.lpWSPSocket(
            af,
            type,
            protocol,
            &Provider->NextProvider,
            g,
            dwFlags,
            lpErrno
            );
    SetBlockingProvider(NULL);

    if ( INVALID_SOCKET == NextSocket )
        goto cleanup;

    SocketContext = CreateSockInfo( Provider, NextSocket, NULL, TRUE, lpErrno );
    if ( NULL == SocketContext )
        goto cleanup;

    NewSocket = gMainUpCallTable.lpWPUCreateSocketHandle(
            Provider->LayerProvider.dwCatalogEntryId,
            (DWORD_PTR) SocketContext,
            lpErrno
            );
    if ( INVALID_SOCKET == NewSocket )
        goto cleanup;

    SocketContext->LayeredSocket = NewSocket;
    return NewSocket;

cleanup:
    if ( ( NULL != Provider ) && ( INVALID_SOCKET != NextSocket ) )
    {
        int tempErr;
        Provider->NextProcTable.lpWSPCloseSocket( NextSocket, &tempErr );
    }
    if ( NULL != SocketContext )
    {
        RemoveSocketInfo( Provider, SocketContext );
        FreeSockInfo( SocketContext );
    }
    return INVALID_SOCKET;
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
    int Error = NO_ERROR;

    UNREFERENCED_PARAMETER( lpProtocolInfo );

    EnterCriticalSection( &gCriticalSection );

    if ( MAKEWORD(2,2) > wVersion )
    {
        Error = WSAVERNOTSUPPORTED;
        goto cleanup;
    }

    if ( 0 == gEntryCount )
    {
        memcpy( &gMainUpCallTable, &UpCallTable, sizeof( gMainUpCallTable ) );
        gWSPData.wVersion = MAKEWORD(2,2);
        gWSPData.wHighVersion = MAKEWORD(2,2);
    }
    gEntryCount++;

    memcpy( lpProcTable, &gProcTable, sizeof( WSPPROC_TABLE ) );
    memcpy( lpWSPData, &gWSPData, sizeof( WSPDATA ) );

cleanup:
    LeaveCriticalSection( &gCriticalSection );
    return Error;
}
