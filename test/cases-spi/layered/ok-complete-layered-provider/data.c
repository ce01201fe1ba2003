/* Data transfer: forwarded with the lower socket; immediate completions are
 * counted. Overlapped requests go down as they are (the lower provider owns
 * their completion). */
#include "lspdef.h"

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
            SocketContext->ProviderSocket,
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

int WSPAPI
WSPSendTo(
    SOCKET          s,
    LPWSABUF        lpBuffers,
    DWORD           dwBufferCount,
    LPDWORD         lpNumberOfBytesSent,
    DWORD           dwFlags,
    const struct sockaddr FAR *lpTo,
    int             iTolen,
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
    ret = SocketContext->Provider->NextProcTable.lpWSPSendTo(
            SocketContext->ProviderSocket,
            lpBuffers,
            dwBufferCount,
            lpNumberOfBytesSent,
            dwFlags,
            lpTo,
            iTolen,
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
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    SetBlockingProvider(SocketContext->Provider);
    ret = SocketContext->Provider->NextProcTable.lpWSPRecv(
            SocketContext->ProviderSocket,
            lpBuffers,
            dwBufferCount,
            lpNumberOfBytesRecvd,
            lpFlags,
            lpOverlapped,
            lpCompletionRoutine,
            lpThreadId,
            lpErrno);
    SetBlockingProvider(NULL);
    if (ret != SOCKET_ERROR)
        SocketContext->BytesRecv += *lpNumberOfBytesRecvd;

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPRecvFrom(
    SOCKET          s,
    LPWSABUF        lpBuffers,
    DWORD           dwBufferCount,
    LPDWORD         lpNumberOfBytesRecvd,
    LPDWORD         lpFlags,
    struct sockaddr FAR *lpFrom,
    LPINT           lpFromLen,
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
    ret = SocketContext->Provider->NextProcTable.lpWSPRecvFrom(
            SocketContext->ProviderSocket,
            lpBuffers,
            dwBufferCount,
            lpNumberOfBytesRecvd,
            lpFlags,
            lpFrom,
            lpFromLen,
            lpOverlapped,
            lpCompletionRoutine,
            lpThreadId,
            lpErrno);
    SetBlockingProvider(NULL);
    if (ret != SOCKET_ERROR)
        SocketContext->BytesRecv += *lpNumberOfBytesRecvd;

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPSendDisconnect(
    SOCKET   s,
    LPWSABUF lpOutboundDisconnectData,
    LPINT    lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPSendDisconnect(
            SocketContext->ProviderSocket,
            lpOutboundDisconnectData,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

int WSPAPI
WSPRecvDisconnect(
    SOCKET   s,
    LPWSABUF lpInboundDisconnectData,
    LPINT    lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPRecvDisconnect(
            SocketContext->ProviderSocket,
            lpInboundDisconnectData,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}

BOOL WSPAPI
WSPGetOverlappedResult(
    SOCKET          s,
    LPWSAOVERLAPPED lpOverlapped,
    LPDWORD         lpcbTransfer,
    BOOL            fWait,
    LPDWORD         lpdwFlags,
    LPINT           lpErrno
    )
{
    SOCK_INFO *SocketContext;
    BOOL       ret = FALSE;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    ret = SocketContext->Provider->NextProcTable.lpWSPGetOverlappedResult(
            SocketContext->ProviderSocket,
            lpOverlapped,
            lpcbTransfer,
            fWait,
            lpdwFlags,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}
