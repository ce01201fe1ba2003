/* WSPStartup and the entries that are not about one socket. */
#include "lspdef.h"

CRITICAL_SECTION gCriticalSection;
WSPUPCALLTABLE   gMainUpCallTable;
LPPROVIDER       gBaseInfo = NULL;
INT              gLayerCount = 0;
DWORD            gTlsIndex = 0xFFFFFFFF;

static DWORD     gEntryCount = 0;

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

int WSPAPI
WSPStartup(
    WORD                wVersionRequested,
    LPWSPDATA           lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE      UpCallTable,
    LPWSPPROC_TABLE     lpProcTable
    )
{
    int Error = NO_ERROR;

    /* We speak 2.2 only; refuse anything older. */
    if ( (LOBYTE(wVersionRequested) < 2) ||
         ((LOBYTE(wVersionRequested) == 2) && (HIBYTE(wVersionRequested) < 2)) )
    {
        return WSAVERNOTSUPPORTED;
    }

    EnterCriticalSection(&gCriticalSection);

    /* "the service provider must use only the most recently supplied upcall
     * dispatch table pointer" */
    gMainUpCallTable = UpCallTable;

    if (gLayerCount == 0)
    {
        if (LoadLayerChain(lpProtocolInfo) != NO_ERROR)
        {
            Error = WSASYSNOTREADY;
            goto cleanup;
        }
    }

    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    memcpy(lpProcTable, &gProcTable, sizeof(WSPPROC_TABLE));
    gEntryCount++;

cleanup:
    LeaveCriticalSection(&gCriticalSection);
    return Error;
}

int WSPAPI
WSPCleanup(
    LPINT lpErrno
    )
{
    int ret = NO_ERROR;
    int i;

    EnterCriticalSection(&gCriticalSection);
    if (gEntryCount == 0)
    {
        *lpErrno = WSANOTINITIALISED;
        ret = SOCKET_ERROR;
        goto cleanup;
    }
    if (--gEntryCount > 0)
        goto cleanup;

    for (i = 0; i < gLayerCount; i++)
    {
        if (gBaseInfo[i].StartupCount == 0)
            continue;
        if (gBaseInfo[i].NextProcTable.lpWSPCleanup(lpErrno) == SOCKET_ERROR)
            ret = SOCKET_ERROR;
        gBaseInfo[i].StartupCount = 0;
    }
    UnloadLayerChain();

cleanup:
    LeaveCriticalSection(&gCriticalSection);
    return ret;
}

int WSPAPI
WSPCancelBlockingCall(
    LPINT lpErrno
    )
{
    PROVIDER *Provider;

    Provider = (PROVIDER *)TlsGetValue(gTlsIndex);
    if (Provider == NULL)
    {
        /* "Indicates there is no outstanding blocking call." */
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    return Provider->NextProcTable.lpWSPCancelBlockingCall(lpErrno);
}

int WSPAPI
WSPAddressToString(
    LPSOCKADDR          lpsaAddress,
    DWORD               dwAddressLength,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    LPWSTR              lpszAddressString,
    LPDWORD             lpdwAddressStringLength,
    LPINT               lpErrno
    )
{
    PROVIDER           *Provider;
    LPWSAPROTOCOL_INFOW Info;
    INT                 ret = SOCKET_ERROR;

    Provider = FindMatchingProvider(lpProtocolInfo, lpErrno);
    if (Provider == NULL)
        goto cleanup;

    /* A base provider gets its own protocol info, a layer the unmodified chain. */
    Info = (Provider->NextProvider.ProtocolChain.ChainLen == BASE_PROTOCOL)
         ? &Provider->NextProvider : lpProtocolInfo;

    if (Provider->StartupCount == 0)
    {
        if (InitializeProvider(Provider, MAKEWORD(2, 2), lpProtocolInfo,
                gMainUpCallTable, lpErrno) == SOCKET_ERROR)
            goto cleanup;
    }

    SetBlockingProvider(Provider);
    ret = Provider->NextProcTable.lpWSPAddressToString(lpsaAddress, dwAddressLength, Info,
            lpszAddressString, lpdwAddressStringLength, lpErrno);
    SetBlockingProvider(NULL);

cleanup:
    return ret;
}

int WSPAPI
WSPStringToAddress(
    LPWSTR              AddressString,
    INT                 AddressFamily,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    LPSOCKADDR          lpAddress,
    LPINT               lpAddressLength,
    LPINT               lpErrno
    )
{
    PROVIDER           *Provider;
    LPWSAPROTOCOL_INFOW Info;
    INT                 ret = SOCKET_ERROR;

    Provider = FindMatchingProvider(lpProtocolInfo, lpErrno);
    if (Provider == NULL)
        goto cleanup;

    Info = (Provider->NextProvider.ProtocolChain.ChainLen == BASE_PROTOCOL)
         ? &Provider->NextProvider : lpProtocolInfo;

    if (Provider->StartupCount == 0)
    {
        if (InitializeProvider(Provider, MAKEWORD(2, 2), lpProtocolInfo,
                gMainUpCallTable, lpErrno) == SOCKET_ERROR)
            goto cleanup;
    }

    SetBlockingProvider(Provider);
    ret = Provider->NextProcTable.lpWSPStringToAddress(AddressString, AddressFamily, Info,
            lpAddress, lpAddressLength, lpErrno);
    SetBlockingProvider(NULL);

cleanup:
    return ret;
}

/* Our handles in one set, replaced by the lower provider's sockets. */
static int
MapSet(fd_set *AppSet, fd_set *LowerSet, SOCKET *Map, PROVIDER **Provider, LPINT lpErrno)
{
    SOCK_INFO *Context;
    u_int      i;

    FD_ZERO(LowerSet);
    if (AppSet == NULL)
        return NO_ERROR;
    for (i = 0; i < AppSet->fd_count; i++)
    {
        Context = FindAndRefSocketContext(AppSet->fd_array[i], lpErrno);
        if (Context == NULL)
            return SOCKET_ERROR;
        if (*Provider == NULL)
            *Provider = Context->Provider;
        Map[i] = AppSet->fd_array[i];
        LowerSet->fd_array[i] = Context->ProviderSocket;
        LowerSet->fd_count = i + 1;
        DerefSocketContext(Context, lpErrno);
    }
    return NO_ERROR;
}

/* The ready lower sockets, back to the handles the application knows. */
static void
UnmapSet(fd_set *AppSet, const fd_set *LowerSet, const fd_set *Ready, const SOCKET *Map)
{
    u_int i;

    if (AppSet == NULL)
        return;
    FD_ZERO(AppSet);
    for (i = 0; i < LowerSet->fd_count; i++)
    {
        if (FD_ISSET(LowerSet->fd_array[i], Ready))
            FD_SET(Map[i], AppSet);
    }
}

int WSPAPI
WSPSelect(
    int          nfds,
    fd_set FAR  *readfds,
    fd_set FAR  *writefds,
    fd_set FAR  *exceptfds,
    const struct timeval FAR *timeout,
    LPINT        lpErrno
    )
{
    SOCKET    ReadMap[FD_SETSIZE], WriteMap[FD_SETSIZE], ExceptMap[FD_SETSIZE];
    fd_set    LowerRead, LowerWrite, LowerExcept;
    fd_set    ReadyRead, ReadyWrite, ReadyExcept;
    PROVIDER *Provider = NULL;
    int       ret;

    if (readfds == NULL && writefds == NULL && exceptfds == NULL)
    {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    if (MapSet(readfds, &LowerRead, ReadMap, &Provider, lpErrno) == SOCKET_ERROR ||
        MapSet(writefds, &LowerWrite, WriteMap, &Provider, lpErrno) == SOCKET_ERROR ||
        MapSet(exceptfds, &LowerExcept, ExceptMap, &Provider, lpErrno) == SOCKET_ERROR)
    {
        return SOCKET_ERROR;
    }
    if (Provider == NULL)
    {
        /* Only empty sets: nothing of ours to wait for. */
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    ReadyRead = LowerRead;
    ReadyWrite = LowerWrite;
    ReadyExcept = LowerExcept;

    SetBlockingProvider(Provider);
    ret = Provider->NextProcTable.lpWSPSelect(nfds,
            readfds ? &ReadyRead : NULL,
            writefds ? &ReadyWrite : NULL,
            exceptfds ? &ReadyExcept : NULL,
            timeout, lpErrno);
    SetBlockingProvider(NULL);
    if (ret == SOCKET_ERROR)
        return SOCKET_ERROR;

    UnmapSet(readfds, &LowerRead, &ReadyRead, ReadMap);
    UnmapSet(writefds, &LowerWrite, &ReadyWrite, WriteMap);
    UnmapSet(exceptfds, &LowerExcept, &ReadyExcept, ExceptMap);
    return ret;
}
