/*
 * IFS LSP connect: the destination goes through FindDestinationAddress
 * (proxy.c) before anything checks name or namelen.
 */
#include "lspdef.h"

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
    SOCKET_CONTEXT *sockContext = NULL;
    SOCKADDR       *proxyAddr = NULL;
    int             proxyLen = 0,
                    rc = SOCKET_ERROR;

    sockContext = FindSocketContext( s );
    if ( NULL == sockContext )
    {
        *lpErrno = WSAENOTSOCK;
        goto cleanup;
    }

    FindDestinationAddress( sockContext, name, namelen, &proxyAddr, &proxyLen ); // expect: name-unchecked

    rc = sockContext->Provider->NextProcTable.lpWSPConnect(
            s,
            proxyAddr,
            proxyLen,
            lpCallerData,
            lpCalleeData,
            lpSQOS,
            lpGQOS,
            lpErrno
            );

cleanup:

    return rc;
}
