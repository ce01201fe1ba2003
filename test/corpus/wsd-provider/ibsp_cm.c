/*
 * Connection management of the Winsock Direct style provider: address to
 * port GUID resolution, path queries and the active side of the connection
 * handshake. Return values are Winsock error codes (0 on success).
 */
#include "ibsp.h"

/*
 * Error returned to the switch when the fabric cannot reach the destination.
 * The switch retries over TCP/IP for this code; the legacy setting makes the
 * provider report a plain refusal instead.
 */
int g_connect_err = WSAEHOSTUNREACH;

struct guid_cache_entry
{
	ULONG		ip;
	net64_t		guid;
};

#define GUID_CACHE_SIZE 64
static struct guid_cache_entry g_guid_cache[GUID_CACHE_SIZE];
static CRITICAL_SECTION g_guid_cache_lock;

void
ibsp_read_registry(void)
{
	HKEY	key;
	DWORD	value = 0, size = sizeof(value);

	if( RegOpenKeyExW( HKEY_LOCAL_MACHINE,
		L"SYSTEM\\CurrentControlSet\\Services\\ibwsd\\Parameters", 0, KEY_READ, &key ) )
		return;

	if( !RegQueryValueExW( key, L"LegacyConnectError", NULL, NULL, (LPBYTE)&value, &size ) &&
		value != 0 )
	{
		g_connect_err = WSAECONNREFUSED;
	}

	size = sizeof(value);
	if( !RegQueryValueExW( key, L"UseAPM", NULL, NULL, (LPBYTE)&value, &size ) )
		g_ibsp.use_apm = (value != 0);

	RegCloseKey( key );
}

static int
lookup_cached_guid( ULONG ip, net64_t *guid )
{
	int i;

	EnterCriticalSection( &g_guid_cache_lock );
	for( i = 0; i < GUID_CACHE_SIZE; i++ )
	{
		if( g_guid_cache[i].ip == ip )
		{
			*guid = g_guid_cache[i].guid;
			LeaveCriticalSection( &g_guid_cache_lock );
			return 0;
		}
	}
	LeaveCriticalSection( &g_guid_cache_lock );
	return -1;
}

int
query_guid_address(
	const struct sockaddr	*p_src_addr,
	const struct sockaddr	*p_dest_addr,
	net64_t					*port_guid )
{
	const struct sockaddr_in *dest = (const struct sockaddr_in *)p_dest_addr;

	UNUSED_PARAM( p_src_addr );

	if( lookup_cached_guid( dest->sin_addr.s_addr, port_guid ) == 0 )
		return 0;

	/* An ARP-like query over the IPoIB interface would go here. */
	return -1;
}

int
query_pr(
	net64_t			guid,
	net64_t			dest_port_guid,
	ULONG			dev_id,
	path_rec_t		*path_rec )
{
	UNUSED_PARAM( dev_id );

	if( guid == 0 || dest_port_guid == 0 )
		return -1;

	memset( path_rec, 0, sizeof(*path_rec) );
	path_rec->sgid = guid;
	path_rec->dgid = dest_port_guid;
	path_rec->mtu = 4;
	return 0;
}

net64_t
get_other_port_guid( net64_t guid )
{
	return guid ^ 0x1;
}

/*
 * Sends the connection request. Returns WSAEWOULDBLOCK when the request is on
 * the wire (the reply is processed by the CM callback thread), or the error.
 */
int
ib_connect(
	struct ibsp_socket_info	*socket_info,
	path_rec_t				*path_rec,
	path_rec_t				*alt_path_rec )
{
	if( socket_info->qp == NULL )
	{
		IBSP_ERROR( ("no QP for socket %p\n", socket_info) );
		return WSAENOBUFS;
	}

	if( path_rec->mtu == 0 )
		return WSAENETUNREACH;

	if( alt_path_rec && alt_path_rec->dgid == path_rec->dgid )
	{
		/* Migration to the same port cannot work: the path is stale. */
		return WSAECONNABORTED;
	}

	socket_info->errno_connect = 0;
	return WSAEWOULDBLOCK;
}
