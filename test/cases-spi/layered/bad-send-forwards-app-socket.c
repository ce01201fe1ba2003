/* The context is looked up, then the application's handle goes down instead of
 * the lower provider's socket. This layer is not IFS (WSPSocket below makes its
 * own handles with WPUCreateSocketHandle), so the lower provider has never seen
 * that handle: every send fails with WSAENOTSOCK (or hits another socket). */
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
    PROVIDER  *Provider;
    SOCK_INFO *SocketContext;
    SOCKET     NextSocket;
    SOCKET     NewSocket;
    int        CloseErr;

    Provider = FindMatchingProvider(lpProtocolInfo, lpErrno);
    if (Provider == NULL)
        return INVALID_SOCKET;

    NextSocket = Provider->NextProcTable.lpWSPSocket(af, type, protocol,
            &Provider->NextProvider, g, dwFlags, lpErrno);
    if (NextSocket == INVALID_SOCKET)
        return INVALID_SOCKET;

    SocketContext = CreateSockInfo(Provider, NextSocket, NULL, lpErrno);
    if (SocketContext == NULL)
    {
        Provider->NextProcTable.lpWSPCloseSocket(NextSocket, &CloseErr);
        return INVALID_SOCKET;
    }

    NewSocket = gMainUpCallTable.lpWPUCreateSocketHandle(
            Provider->LayerProvider.dwCatalogEntryId, (DWORD_PTR)SocketContext, lpErrno);
    if (NewSocket == INVALID_SOCKET)
    {
        Provider->NextProcTable.lpWSPCloseSocket(NextSocket, &CloseErr);
        FreeSockInfo(SocketContext);
        return INVALID_SOCKET;
    }
    SocketContext->LayeredSocket = NewSocket;
    return NewSocket;
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
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPSend(
            s, /* expect: lower-socket-handle */
            lpBuffers,
            dwBufferCount,
            lpNumberOfBytesSent,
            dwFlags,
            lpOverlapped,
            lpCompletionRoutine,
            lpThreadId,
            lpErrno);
    SetBlockingProvider(NULL);
    if (ret != SOCKET_ERROR)
        SocketContext->BytesSent += *lpNumberOfBytesSent;

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}
