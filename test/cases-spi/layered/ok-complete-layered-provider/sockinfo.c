#include "lspdef.h"

/* The context of one of our sockets; *lpErrno is set exactly when NULL is returned. */
SOCK_INFO *
FindAndRefSocketContext(
    SOCKET  s,
    LPINT   lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    int        ret;

    EnterCriticalSection(&gCriticalSection);
    ret = gMainUpCallTable.lpWPUQuerySocketHandleContext(s, (PDWORD_PTR)&SocketContext, lpErrno);
    if (ret == SOCKET_ERROR || SocketContext == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        SocketContext = NULL;
    }
    else
    {
        InterlockedIncrement(&SocketContext->RefCount);
    }
    LeaveCriticalSection(&gCriticalSection);
    return SocketContext;
}

void
DerefSocketContext(
    SOCK_INFO  *context,
    LPINT       lpErrno
    )
{
    UNREFERENCED_PARAMETER(lpErrno);
    InterlockedDecrement(&context->RefCount);
}

SOCK_INFO *
CreateSockInfo(
    PROVIDER   *Provider,
    SOCKET      ProviderSocket,
    SOCK_INFO  *Inherit,
    LPINT       lpErrno
    )
{
    SOCK_INFO *NewInfo;

    NewInfo = (SOCK_INFO *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(SOCK_INFO));
    if (NewInfo == NULL)
    {
        *lpErrno = WSAENOBUFS;
        return NULL;
    }
    NewInfo->ProviderSocket = ProviderSocket;
    NewInfo->LayeredSocket  = INVALID_SOCKET;
    NewInfo->RefCount       = 1;
    NewInfo->Provider       = Provider;
    if (Inherit != NULL)
    {
        NewInfo->hWnd = Inherit->hWnd;
        NewInfo->uMsg = Inherit->uMsg;
    }
    return NewInfo;
}

void
FreeSockInfo(SOCK_INFO *info)
{
    HeapFree(GetProcessHeap(), 0, info);
}

int
InsertSocketInfo(PROVIDER *provider, SOCK_INFO *sock)
{
    if (provider == NULL || sock == NULL)
        return WSAEINVAL;
    EnterCriticalSection(&provider->Lock);
    InsertTailList(&provider->SocketList, &sock->Link);
    LeaveCriticalSection(&provider->Lock);
    return NO_ERROR;
}

void
RemoveSocketInfo(PROVIDER *provider, SOCK_INFO *sock)
{
    EnterCriticalSection(&provider->Lock);
    RemoveEntryList(&sock->Link);
    LeaveCriticalSection(&provider->Lock);
}

/* The lower provider that serves this protocol; *lpErrno is set when none does. */
PROVIDER *
FindMatchingProvider(LPWSAPROTOCOL_INFOW lpProtocolInfo, LPINT lpErrno)
{
    PROVIDER *Provider = NULL;
    INT       i;

    for (i = 0; i < gLayerCount; i++)
    {
        if (gBaseInfo[i].NextProvider.iAddressFamily == lpProtocolInfo->iAddressFamily &&
            gBaseInfo[i].NextProvider.iSocketType == lpProtocolInfo->iSocketType &&
            gBaseInfo[i].NextProvider.iProtocol == lpProtocolInfo->iProtocol)
        {
            Provider = &gBaseInfo[i];
            break;
        }
    }
    if (Provider == NULL)
        *lpErrno = WSAEINVAL;
    return Provider;
}
