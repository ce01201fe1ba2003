/*
 * SDK-sample shape with one exit label. A fast path for a socket that is
 * re-connected to its cached route jumps to the exit with success before the
 * code that clears the connect-data length.
 */
#include <ws2spi.h>

typedef struct _ROUTE_CTX {
    SOCKET       Handle;
    BOOL         HaveRoute;
    SOCKADDR_IN  RouteTarget;
    HANDLE       RouteHandle;
} ROUTE_CTX;

ROUTE_CTX *FindRouteContext(SOCKET s);
BOOL SameTarget(const SOCKADDR_IN *a, const SOCKADDR_IN *b);
int  OpenRoute(ROUTE_CTX *ctx, const SOCKADDR_IN *to);

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
    ROUTE_CTX       *ctx;
    const SOCKADDR_IN *to;
    int              rc = SOCKET_ERROR;

    UNREFERENCED_PARAMETER( lpCallerData );
    UNREFERENCED_PARAMETER( lpSQOS );
    UNREFERENCED_PARAMETER( lpGQOS );

    ctx = FindRouteContext( s );
    if ( NULL == ctx )
    {
        *lpErrno = WSAENOTSOCK;
        goto cleanup;
    }

    if ( ( NULL == name ) || ( namelen < (int) sizeof( SOCKADDR_IN ) ) )
    {
        *lpErrno = WSAEFAULT;
        goto cleanup;
    }
    to = (const SOCKADDR_IN *) name;

    if ( ctx->HaveRoute && SameTarget( &ctx->RouteTarget, to ) )
    {
        rc = NO_ERROR;
        goto cleanup;
    }

    if ( 0 != OpenRoute( ctx, to ) )
    {
        *lpErrno = WSAENETUNREACH;
        goto cleanup;
    }
    ctx->RouteTarget = *to;
    ctx->HaveRoute = TRUE;

    if ( NULL != lpCalleeData )
        lpCalleeData->len = 0;
    rc = NO_ERROR;

cleanup:

    return rc; // expect: callee-len-not-set
}
