/* Socket creation, connection set-up and socket state: each entry looks up the
 * context of the application's handle and calls the lower provider with the
 * lower provider's socket and the caller's lpErrno. */
#include "lspdef.h"

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
    SOCKET              NextProviderSocket;
    SOCKET              NewSocket;
    SOCK_INFO          *SocketContext;
    PROVIDER           *Provider;
    LPWSAPROTOCOL_INFOW Info;
    int                 Error;

    Provider = FindMatchingProvider(lpProtocolInfo, lpErrno);
    if (Provider == NULL)
        goto cleanup;

    if (Provider->StartupCount == 0)
    {
        if (InitializeProvider(Provider, MAKEWORD(2, 2), lpProtocolInfo,
                gMainUpCallTable, lpErrno) == SOCKET_ERROR)
            goto cleanup;
    }

    Info = (Provider->NextProvider.ProtocolChain.ChainLen == BASE_PROTOCOL)
         ? &Provider->NextProvider : lpProtocolInfo;

    SetBlockingProvider(Provider);
    NextProviderSocket = Provider->NextProcTable.lpWSPSocket(af, type, protocol, Info, g,
            dwFlags | WSA_FLAG_OVERLAPPED, lpErrno);
    SetBlockingProvider(NULL);
    if (NextProviderSocket == INVALID_SOCKET)
        goto cleanup;

    SocketContext = CreateSockInfo(Provider, NextProviderSocket, NULL, lpErrno);
    if (SocketContext == NULL)
        goto close_lower;

    NewSocket = gMainUpCallTable.lpWPUCreateSocketHandle(
            Provider->LayerProvider.dwCatalogEntryId,
            (DWORD_PTR)SocketContext,
            lpErrno);
    if (NewSocket == INVALID_SOCKET)
        goto free_context;

    SocketContext->LayeredSocket = NewSocket;
    if (InsertSocketInfo(Provider, SocketContext) != NO_ERROR)
    {
        gMainUpCallTable.lpWPUCloseSocketHandle(NewSocket, &Error);
        *lpErrno = WSAENOBUFS;
        goto free_context;
    }
    return NewSocket;

free_context:
    FreeSockInfo(SocketContext);
close_lower:
    /* The lower provider's own close error is of no interest to our caller. */
    Provider->NextProcTable.lpWSPCloseSocket(NextProviderSocket, &Error);
cleanup:
    return INVALID_SOCKET;
}

SOCKET WSPAPI
WSPAccept(
    SOCKET          s,
    struct sockaddr FAR *addr,
    LPINT           addrlen,
    LPCONDITIONPROC lpfnCondition,
    DWORD_PTR       dwCallbackData,
    LPINT           lpErrno
    )
{
    SOCK_INFO *SocketContext;
    SOCK_INFO *NewContext;
    SOCKET     NewProviderSocket;
    SOCKET     NewSocket = INVALID_SOCKET;
    int        CloseErr;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        return INVALID_SOCKET;

    /* The condition function and its data go down unchanged: the lower provider
     * calls it in this thread, as the page requires. */
    SetBlockingProvider(SocketContext->Provider);
    NewProviderSocket = SocketContext->Provider->NextProcTable.lpWSPAccept(
            SocketContext->ProviderSocket,
            addr,
            addrlen,
            lpfnCondition,
            dwCallbackData,
            lpErrno);
    SetBlockingProvider(NULL);
    if (NewProviderSocket == INVALID_SOCKET)
        goto cleanup;

    NewContext = CreateSockInfo(SocketContext->Provider, NewProviderSocket, SocketContext, lpErrno);
    if (NewContext == NULL)
    {
        SocketContext->Provider->NextProcTable.lpWSPCloseSocket(NewProviderSocket, &CloseErr);
        goto cleanup;
    }

    NewSocket = gMainUpCallTable.lpWPUCreateSocketHandle(
            SocketContext->Provider->LayerProvider.dwCatalogEntryId,
            (DWORD_PTR)NewContext,
            lpErrno);
    if (NewSocket == INVALID_SOCKET)
    {
        /* Close the lower socket but keep the error WPUCreateSocketHandle gave. */
        SocketContext->Provider->NextProcTable.lpWSPCloseSocket(NewProviderSocket, &CloseErr);
        FreeSockInfo(NewContext);
        goto cleanup;
    }
    NewContext->LayeredSocket = NewSocket;
    InsertSocketInfo(SocketContext->Provider, NewContext);

cleanup:
    DerefSocketContext(SocketContext, lpErrno);
    return NewSocket;
}

SOCKET WSPAPI
WSPJoinLeaf(
    SOCKET       s,
    const struct sockaddr FAR *name,
    int          namelen,
    LPWSABUF     lpCallerData,
    LPWSABUF     lpCalleeData,
    LPQOS        lpSQOS,
    LPQOS        lpGQOS,
    DWORD        dwFlags,
    LPINT        lpErrno
    )
{
    SOCK_INFO *SocketContext;
    SOCK_INFO *LeafContext;
    SOCKET     NextLeaf;
    SOCKET     NewSocket = INVALID_SOCKET;
    int        CloseErr;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        return INVALID_SOCKET;

    /* name, namelen and the connect data go to the lower provider untouched. */
    SetBlockingProvider(SocketContext->Provider);
    NextLeaf = SocketContext->Provider->NextProcTable.lpWSPJoinLeaf(
            SocketContext->ProviderSocket,
            name,
            namelen,
            lpCallerData,
            lpCalleeData,
            lpSQOS,
            lpGQOS,
            dwFlags,
            lpErrno);
    SetBlockingProvider(NULL);
    if (NextLeaf == INVALID_SOCKET)
        goto cleanup;

    if (NextLeaf == SocketContext->ProviderSocket)
    {
        /* A c_leaf join: "a new socket descriptor is not allocated". */
        NewSocket = s;
        goto cleanup;
    }

    LeafContext = CreateSockInfo(SocketContext->Provider, NextLeaf, SocketContext, lpErrno);
    if (LeafContext == NULL)
    {
        SocketContext->Provider->NextProcTable.lpWSPCloseSocket(NextLeaf, &CloseErr);
        goto cleanup;
    }
    NewSocket = gMainUpCallTable.lpWPUCreateSocketHandle(
            SocketContext->Provider->LayerProvider.dwCatalogEntryId,
            (DWORD_PTR)LeafContext,
            lpErrno);
    if (NewSocket == INVALID_SOCKET)
    {
        SocketContext->Provider->NextProcTable.lpWSPCloseSocket(NextLeaf, &CloseErr);
        FreeSockInfo(LeafContext);
        goto cleanup;
    }
    LeafContext->LayeredSocket = NewSocket;
    InsertSocketInfo(SocketContext->Provider, LeafContext);

cleanup:
    DerefSocketContext(SocketContext, lpErrno);
    return NewSocket;
}

int WSPAPI
WSPCloseSocket(
    SOCKET s,
    LPINT  lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        return SOCKET_ERROR;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPCloseSocket(
            SocketContext->ProviderSocket,
            lpErrno);
    SetBlockingProvider(NULL);
    if (ret == SOCKET_ERROR)
    {
        /* WSAEWOULDBLOCK on a lingering nonblocking socket: it stays open. */
        DerefSocketContext(SocketContext, lpErrno);
        return SOCKET_ERROR;
    }

    RemoveSocketInfo(SocketContext->Provider, SocketContext);
    DerefSocketContext(SocketContext, lpErrno);
    FreeSockInfo(SocketContext);
    return gMainUpCallTable.lpWPUCloseSocketHandle(s, lpErrno);
}

int WSPAPI
WSPDuplicateSocket(
    SOCKET              s,
    DWORD               dwProcessId,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    LPINT               lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPDuplicateSocket(
            SocketContext->ProviderSocket,
            dwProcessId,
            lpProtocolInfo,
            lpErrno);
    SetBlockingProvider(NULL);
    if (ret == NO_ERROR)
    {
        /* The target process must come back through this layer. */
        lpProtocolInfo->dwCatalogEntryId = SocketContext->Provider->LayerProvider.dwCatalogEntryId;
    }

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPBind(
    SOCKET                     s,
    const struct sockaddr FAR *name,
    int                        namelen,
    LPINT                      lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPBind(
            SocketContext->ProviderSocket,
            name,
            namelen,
            lpErrno);
    SetBlockingProvider(NULL);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPListen(
    SOCKET s,
    int    backlog,
    LPINT  lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPListen(
            SocketContext->ProviderSocket,
            backlog,
            lpErrno);
    SetBlockingProvider(NULL);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPConnect(
    SOCKET                     s,
    const struct sockaddr FAR *name,
    int                        namelen,
    LPWSABUF                   lpCallerData,
    LPWSABUF                   lpCalleeData,
    LPQOS                      lpSQOS,
    LPQOS                      lpGQOS,
    LPINT                      lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPConnect(
            SocketContext->ProviderSocket,
            name,
            namelen,
            lpCallerData,
            lpCalleeData,
            lpSQOS,
            lpGQOS,
            lpErrno);
    SetBlockingProvider(NULL);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPShutdown(
    SOCKET s,
    int    how,
    LPINT  lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPShutdown(
            SocketContext->ProviderSocket,
            how,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPGetPeerName(
    SOCKET               s,
    struct sockaddr FAR *name,
    LPINT                namelen,
    LPINT                lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPGetPeerName(
            SocketContext->ProviderSocket,
            name,
            namelen,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPGetSockName(
    SOCKET               s,
    struct sockaddr FAR *name,
    LPINT                namelen,
    LPINT                lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPGetSockName(
            SocketContext->ProviderSocket,
            name,
            namelen,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPGetSockOpt(
    SOCKET     s,
    int        level,
    int        optname,
    char FAR  *optval,
    LPINT      optlen,
    LPINT      lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPGetSockOpt(
            SocketContext->ProviderSocket,
            level,
            optname,
            optval,
            optlen,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPSetSockOpt(
    SOCKET          s,
    int             level,
    int             optname,
    const char FAR *optval,
    int             optlen,
    LPINT           lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPSetSockOpt(
            SocketContext->ProviderSocket,
            level,
            optname,
            optval,
            optlen,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

BOOL WSPAPI
WSPGetQOSByName(
    SOCKET   s,
    LPWSABUF lpQOSName,
    LPQOS    lpQOS,
    LPINT    lpErrno
    )
{
    SOCK_INFO *SocketContext;
    BOOL       ret = FALSE;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPGetQOSByName(
            SocketContext->ProviderSocket,
            lpQOSName,
            lpQOS,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
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
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPIoctl(
            SocketContext->ProviderSocket,
            dwIoControlCode,
            lpvInBuffer,
            cbInBuffer,
            lpvOutBuffer,
            cbOutBuffer,
            lpcbBytesReturned,
            lpOverlapped,
            lpCompletionRoutine,
            lpThreadId,
            lpErrno);
    SetBlockingProvider(NULL);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPAsyncSelect(
    SOCKET       s,
    HWND         hWnd,
    unsigned int wMsg,
    long         lEvent,
    LPINT        lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    HWND       hWorkerWindow;
    INT        ret = SOCKET_ERROR;

    if (lEvent != 0 && !IsWindow(hWnd))
    {
        *lpErrno = WSAEINVAL;
        goto cleanup;
    }

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    SocketContext->hWnd = hWnd;
    SocketContext->uMsg = wMsg;

    /* The lower provider posts to our hidden window, which re-posts to the
     * application with our handle instead of the lower socket. */
    if ((hWorkerWindow = GetWorkerWindow()) == NULL)
    {
        *lpErrno = WSAENETDOWN;
        goto cleanup;
    }

    ret = SocketContext->Provider->NextProcTable.lpWSPAsyncSelect(
            SocketContext->ProviderSocket,
            hWorkerWindow,
            WM_USER + 1,
            lEvent,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPEventSelect(
    SOCKET   s,
    WSAEVENT hEventObject,
    long     lNetworkEvents,
    LPINT    lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPEventSelect(
            SocketContext->ProviderSocket,
            hEventObject,
            lNetworkEvents,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPEnumNetworkEvents(
    SOCKET             s,
    WSAEVENT           hEventObject,
    LPWSANETWORKEVENTS lpNetworkEvents,
    LPINT              lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPEnumNetworkEvents(
            SocketContext->ProviderSocket,
            hEventObject,
            lpNetworkEvents,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}
