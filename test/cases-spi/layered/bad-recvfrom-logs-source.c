/* A logging layer prints who sent each datagram. recv() on a datagram socket
 * reaches WSPRecvFrom with lpFrom == NULL. */
#include "lspdef.h"

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
    if (ret == 0)
    {
        SocketContext->BytesRecv += *lpNumberOfBytesRecvd;
        if (lpFrom->sa_family == AF_INET) /* expect: optional-null-deref */
            dbgprint("recvfrom %lu bytes from %S", *lpNumberOfBytesRecvd,
                     FormatAddress((SOCKADDR_IN *)lpFrom));
    }

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}
