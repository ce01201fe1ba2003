/*
 * Layered provider in the style of the Windows SDK LSP sample: one exit label,
 * rc starts as SOCKET_ERROR and every failure jumps to cleanup. One failure
 * (the provider was never initialised) forgets to write the error first.
 */
#include <ws2spi.h>

typedef struct _PROVIDER {
    WSPPROC_TABLE NextProcTable;
    int           StartupCount;
} PROVIDER;

typedef struct _SOCK_INFO {
    SOCKET    ProviderSocket;
    PROVIDER *Provider;
    LONG      RefCount;
} SOCK_INFO;

SOCK_INFO *FindAndRefSocketContext(SOCKET s, int *err);
void DerefSocketContext(SOCK_INFO *context);
void dbgprint(const char *fmt, ...);

int WSPAPI
WSPConnect(
    SOCKET                s,
    const struct sockaddr FAR * name,
    int                   namelen,
    LPWSABUF              lpCallerData,
    LPWSABUF              lpCalleeData,
    LPQOS                 lpSQOS,
    LPQOS                 lpGQOS,
    LPINT                 lpErrno
    )
{
    SOCK_INFO *SocketContext = NULL;
    INT        ret = SOCKET_ERROR;

    SocketContext = FindAndRefSocketContext(s, lpErrno);
    if ( NULL == SocketContext )
    {
        dbgprint( "WSPConnect: FindAndRefSocketContext failed!" );
        goto cleanup;
    }

    if ( 0 == SocketContext->Provider->StartupCount )
    {
        // The lower provider was unloaded under us; nothing to forward to.
        dbgprint( "WSPConnect: provider not started" );
        goto cleanup;
    }

    if ( NULL == SocketContext->Provider->NextProcTable.lpWSPConnect )
    {
        *lpErrno = WSAENETDOWN;
        goto cleanup;
    }

    ret = SocketContext->Provider->NextProcTable.lpWSPConnect(
            SocketContext->ProviderSocket,
            name,
            namelen,
            lpCallerData,
            lpCalleeData,
            lpSQOS,
            lpGQOS,
            lpErrno
            );

cleanup:

    if ( NULL != SocketContext )
        DerefSocketContext( SocketContext );

    return ret; // expect: errno-not-set
}
