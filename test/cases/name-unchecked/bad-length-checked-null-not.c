/*
 * Winsock Direct shape: namelen is compared with the size of a sockaddr_in,
 * but name itself is never tested for NULL before the address is read.
 */
#include <ws2spi.h>

struct wd_socket_info {
    int                 socket_state;
    struct sockaddr_in  local_addr;
    struct sockaddr_in  peer_addr;
};

#define WD_BIND      1
#define WD_CONNECT   2

int wd_query_path(const struct sockaddr_in *from, const struct sockaddr_in *to);
int wd_connect(struct wd_socket_info *si);

static int WSPAPI
WDConnect(
    SOCKET                      s,
    const struct sockaddr FAR  *name,
    int                         namelen,
    LPWSABUF                    lpCallerData,
    LPWSABUF                    lpCalleeData,
    LPQOS                       lpSQOS,
    LPQOS                       lpGQOS,
    LPINT                       lpErrno )
{
    struct wd_socket_info *socket_info = (struct wd_socket_info *)s;
    const struct sockaddr_in *addr = (const struct sockaddr_in *)name;

    UNUSED_PARAM( lpCalleeData );
    UNUSED_PARAM( lpSQOS );
    UNUSED_PARAM( lpGQOS );

    if( lpCallerData )
    {
        *lpErrno = WSAEPROTONOSUPPORT;
        return SOCKET_ERROR;
    }

    if( namelen < (int)sizeof(struct sockaddr_in) )
    {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    if( addr->sin_family != AF_INET || addr->sin_port == 0 ) /* expect: name-unchecked */
    {
        *lpErrno = WSAEADDRNOTAVAIL;
        return SOCKET_ERROR;
    }

    if( socket_info->socket_state != WD_BIND )
    {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    if( wd_query_path( &socket_info->local_addr, addr ) )
    {
        *lpErrno = WSAENETUNREACH;
        return SOCKET_ERROR;
    }

    socket_info->peer_addr = *addr;
    socket_info->socket_state = WD_CONNECT;
    *lpErrno = wd_connect( socket_info ) ? WSAENOBUFS : WSAEWOULDBLOCK;
    return SOCKET_ERROR;
}

void
wd_fill_table( WSPPROC_TABLE *t )
{
    t->lpWSPConnect = WDConnect;
}
