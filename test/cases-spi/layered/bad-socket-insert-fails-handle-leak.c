/* The MS-sample shape of WSPSocket: lower socket, context, handle, list. The
 * last step's failure path undoes the context and the lower socket but not the
 * handle ws2_32 gave us, which stays allocated with a dangling context. */
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
    SOCKET      NextProviderSocket = INVALID_SOCKET;
    SOCKET      NewSocket = INVALID_SOCKET;
    SOCK_INFO  *SocketContext = NULL;
    PROVIDER   *Provider;
    int         Error;

    Provider = FindMatchingProvider(lpProtocolInfo, lpErrno);
    if (Provider == NULL)
        return INVALID_SOCKET;

    NextProviderSocket = Provider->NextProcTable.lpWSPSocket(af, type, protocol,
            &Provider->NextProvider, g, dwFlags | WSA_FLAG_OVERLAPPED, lpErrno);
    if (NextProviderSocket == INVALID_SOCKET)
        return INVALID_SOCKET;

    SocketContext = CreateSockInfo(Provider, NextProviderSocket, NULL, lpErrno);
    if (SocketContext == NULL)
    {
        Provider->NextProcTable.lpWSPCloseSocket(NextProviderSocket, &Error);
        return INVALID_SOCKET;
    }

    NewSocket = gMainUpCallTable.lpWPUCreateSocketHandle(
            Provider->LayerProvider.dwCatalogEntryId,
            (DWORD_PTR)SocketContext,
            lpErrno);
    if (NewSocket == INVALID_SOCKET)
    {
        FreeSockInfo(SocketContext);
        Provider->NextProcTable.lpWSPCloseSocket(NextProviderSocket, &Error);
        return INVALID_SOCKET;
    }

    SocketContext->LayeredSocket = NewSocket;
    if (InsertSocketInfo(Provider, SocketContext) != NO_ERROR)
    {
        FreeSockInfo(SocketContext);
        Provider->NextProcTable.lpWSPCloseSocket(NextProviderSocket, &Error);
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET; /* expect: handle-leak-on-error */
    }
    return NewSocket;
}
