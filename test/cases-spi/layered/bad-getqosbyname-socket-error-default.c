/* Written from the template every other entry of this layer follows
 * ("INT ret = SOCKET_ERROR; ... cleanup: return ret;"), but WSPGetQOSByName
 * returns BOOL: SOCKET_ERROR is non-zero, so ws2_32 reads "TRUE, found". */
#include "lspdef.h"

BOOL WSPAPI
WSPGetQOSByName(
    SOCKET   s,
    LPWSABUF lpQOSName,
    LPQOS    lpQOS,
    LPINT    lpErrno
    )
{
    SOCK_INFO *SocketContext;
    INT        ret = SOCKET_ERROR;

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
    return ret; /* expect: bad-return-value */
}
