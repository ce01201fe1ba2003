/*
 * Winsock Direct style: the provider clears the error slot on success
 * (0 / NO_ERROR), which is not an error code and not a finding.
 */
#include <ws2spi.h>

struct ibx_socket {
    int   state;
    SOCKADDR_IN peer;
};

#define IBX_BOUND      1
#define IBX_CONNECTED  2

int ibx_dial(struct ibx_socket *sock);

static int WSPAPI
IBXConnect(
    SOCKET                      s,
    const struct sockaddr FAR  *name,
    int                         namelen,
    LPWSABUF                    lpCallerData,
    LPWSABUF                    lpCalleeData,
    LPQOS                       lpSQOS,
    LPQOS                       lpGQOS,
    LPINT                       lpErrno )
{
    struct ibx_socket *sock = (struct ibx_socket *)s;
    const struct sockaddr_in *addr = (const struct sockaddr_in *)name;

    UNUSED_PARAM( lpSQOS );
    UNUSED_PARAM( lpGQOS );

    if( lpCallerData )
    {
        *lpErrno = WSAEPROTONOSUPPORT;
        return SOCKET_ERROR;
    }
    if( name == NULL || namelen < (int)sizeof(struct sockaddr_in) )
    {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if( addr->sin_family != AF_INET || addr->sin_addr.s_addr == INADDR_ANY )
    {
        *lpErrno = WSAEADDRNOTAVAIL;
        return SOCKET_ERROR;
    }
    if( sock->state != IBX_BOUND )
    {
        *lpErrno = (sock->state == IBX_CONNECTED) ? WSAEISCONN : WSAEINVAL;
        return SOCKET_ERROR;
    }

    sock->peer = *addr;
    if( ibx_dial( sock ) )
    {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    sock->state = IBX_CONNECTED;

    if( lpCalleeData )
        lpCalleeData->len = 0;
    if( lpErrno )
        *lpErrno = NO_ERROR;
    *lpErrno = 0;
    return 0;
}

void
ibx_fill_table( WSPPROC_TABLE *t )
{
    t->lpWSPConnect = IBXConnect;
}
