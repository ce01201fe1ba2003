/* The context lookup is done inline with a scratch error variable; when the
 * handle is not ours the function fails without a code. */
#include "lspdef.h"

int WSPAPI
WSPGetSockName(
    SOCKET               s,
    struct sockaddr FAR *name,
    LPINT                namelen,
    LPINT                lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    int        QueryErr;

    if (gMainUpCallTable.lpWPUQuerySocketHandleContext(s, (PDWORD_PTR)&SocketContext,
            &QueryErr) == SOCKET_ERROR)
    {
        dbgprint("WSPGetSockName: unknown socket 0x%p (%d)", (PVOID)s, QueryErr);
        return SOCKET_ERROR; /* expect: errno-not-set */
    }

    return SocketContext->Provider->NextProcTable.lpWSPGetSockName(
            SocketContext->ProviderSocket,
            name,
            namelen,
            lpErrno);
}
