/* A filtering layer refuses listening sockets on blocked ports with WSAEACCES,
 * which LPWSPListen does not list. */
#include "lspdef.h"
#include "policy.h"

int WSPAPI
WSPListen(
    SOCKET s,
    int    backlog,
    LPINT  lpErrno
    )
{
    SOCK_INFO   *SocketContext;
    SOCKADDR_IN  local;
    int          locallen = sizeof(local);
    INT          ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if (SocketContext == NULL)
        goto cleanup;

    if (SocketContext->Provider->NextProcTable.lpWSPGetSockName(SocketContext->ProviderSocket,
            (struct sockaddr *)&local, &locallen, lpErrno) == SOCKET_ERROR)
        goto cleanup;

    if (PolicyIsListenBlocked(ntohs(local.sin_port)))
    {
        *lpErrno = WSAEACCES; /* expect: undocumented-error */
        goto cleanup;
    }

    ret = SocketContext->Provider->NextProcTable.lpWSPListen(
            SocketContext->ProviderSocket,
            backlog,
            lpErrno);

cleanup:
    if (SocketContext != NULL)
        DerefSocketContext(SocketContext, lpErrno);
    return ret;
}
