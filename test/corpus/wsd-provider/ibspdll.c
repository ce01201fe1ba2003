/*
 * Winsock Direct style provider: the SPI entry points the switch calls.
 * Sockets handed to the switch are pointers to struct ibsp_socket_info.
 */
#include "ibsp.h"

struct ibspdll_globals	g_ibsp;
static WSPPROC_TABLE	gProcTable;
static WSPDATA			gWSPData;
static const WCHAR		Description[] = L"Winsock Direct sample provider";

BOOL WINAPI
DllMain(
	IN				HINSTANCE					hinstDll,
	IN				DWORD						dwReason,
	IN				LPVOID						lpvReserved )
{
	UNUSED_PARAM( hinstDll );
	UNUSED_PARAM( lpvReserved );

	switch( dwReason )
	{
	case DLL_PROCESS_ATTACH:
		g_ibsp.heap = HeapCreate( 0, 128000, 0 );
		if( g_ibsp.heap == NULL )
			return FALSE;
		ibsp_read_registry();
		break;

	case DLL_PROCESS_DETACH:
		if( g_ibsp.heap )
			HeapDestroy( g_ibsp.heap );
		break;
	}
	return TRUE;
}

static SOCKET WSPAPI
IBSPSocket(
					int							af,
					int							type,
					int							protocol,
					LPWSAPROTOCOL_INFOW			lpProtocolInfo,
					GROUP						g,
					DWORD						dwFlags,
					LPINT						lpErrno )
{
	struct ibsp_socket_info *socket_info;

	IBSP_ENTER( IBSP_DBG_SI );
	UNUSED_PARAM( g );
	UNUSED_PARAM( lpProtocolInfo );

	if( af != AF_INET || type != SOCK_STREAM || (protocol != IPPROTO_TCP && protocol != 0) )
	{
		IBSP_ERROR_EXIT( ("bad family %d type %d protocol %d\n", af, type, protocol) );
		*lpErrno = WSAEPROTONOSUPPORT;
		return INVALID_SOCKET;
	}

	if( (dwFlags & WSA_FLAG_OVERLAPPED) == 0 )
	{
		*lpErrno = WSAEINVAL;
		return INVALID_SOCKET;
	}

	socket_info = HeapAlloc( g_ibsp.heap, HEAP_ZERO_MEMORY, sizeof(*socket_info) );
	if( socket_info == NULL )
	{
		*lpErrno = WSAENOBUFS;
		return INVALID_SOCKET;
	}

	InitializeCriticalSection( &socket_info->mutex1 );
	socket_info->socket_state = IBSP_CREATE;
	socket_info->socket_options.max_msg_size = 0x7FFFFFFF;
	socket_info->socket_options.max_rdma_size = 0x10000;
	socket_info->socket_options.rdma_threshold_size = 65536;

	IBSP_EXIT( IBSP_DBG_SI );
	*lpErrno = 0;
	return (SOCKET)socket_info;
}

static int WSPAPI
IBSPBind(
					SOCKET						s,
					const struct sockaddr FAR	*name,
					int							namelen,
					LPINT						lpErrno )
{
	struct ibsp_socket_info *socket_info = (struct ibsp_socket_info *)s;
	const struct sockaddr_in *addr = (const struct sockaddr_in *)name;

	if( namelen != sizeof(struct sockaddr_in) || addr->sin_family != AF_INET )
	{
		*lpErrno = WSAEFAULT;
		return SOCKET_ERROR;
	}

	EnterCriticalSection( &socket_info->mutex1 );
	if( socket_info->socket_state != IBSP_CREATE )
	{
		LeaveCriticalSection( &socket_info->mutex1 );
		*lpErrno = WSAEINVAL;
		return SOCKET_ERROR;
	}
	socket_info->local_addr = *addr;
	IBSP_CHANGE_SOCKET_STATE( socket_info, IBSP_BIND );
	LeaveCriticalSection( &socket_info->mutex1 );

	*lpErrno = 0;
	return 0;
}

static int WSPAPI
IBSPCloseSocket(
					SOCKET						s,
					LPINT						lpErrno )
{
	struct ibsp_socket_info *socket_info = (struct ibsp_socket_info *)s;

	if( s == INVALID_SOCKET )
	{
		IBSP_ERROR_EXIT( ("invalid socket handle %Ix\n", s) );
		*lpErrno = WSAENOTSOCK;
		return SOCKET_ERROR;
	}

	EnterCriticalSection( &socket_info->mutex1 );
	IBSP_CHANGE_SOCKET_STATE( socket_info, IBSP_CLOSED );
	LeaveCriticalSection( &socket_info->mutex1 );
	DeleteCriticalSection( &socket_info->mutex1 );
	HeapFree( g_ibsp.heap, 0, socket_info );

	*lpErrno = 0;
	return 0;
}

/* Function: IBSPConnect
 *
 *  Description:
 *    Performs a connect call. The connection completes asynchronously: the
 *    switch is told through FD_CONNECT.
 */
static int WSPAPI
IBSPConnect(
					SOCKET						s,
					const struct sockaddr FAR	*name,
					int							namelen,
					LPWSABUF					lpCallerData,
					LPWSABUF					lpCalleeData,
					LPQOS						lpSQOS,
					LPQOS						lpGQOS,
					LPINT						lpErrno )
{
	struct ibsp_socket_info *socket_info = (struct ibsp_socket_info *)s;
	struct sockaddr_in *addr = (struct sockaddr_in *)name;
	int ret;
	net64_t dest_port_guid;
	path_rec_t path_rec;
	path_rec_t alt_path_rec, *palt_path_rec = NULL;

	IBSP_ENTER( IBSP_DBG_CONN );

	UNUSED_PARAM( lpCalleeData );
	UNUSED_PARAM( lpSQOS );
	UNUSED_PARAM( lpGQOS );

	IBSP_PRINT(TRACE_LEVEL_INFORMATION, IBSP_DBG_CONN,
		("lpCallerData=%p, lpCalleeData=%p\n", lpCallerData, lpCalleeData) );

	socket_info->active_side = TRUE;
	/* Sanity checks */
	if( lpCallerData )
	{
		/* We don't support that. The current switch does not use it. */
		IBSP_ERROR_EXIT( ("lpCallerData.len=%d\n", lpCallerData->len) );
		*lpErrno = WSAEINVAL;
		return SOCKET_ERROR;
	}

	if( namelen < (int)sizeof(struct sockaddr_in) )
	{
		IBSP_ERROR_EXIT( (
			"invalid remote address (%d)\n", socket_info->socket_state) );
		*lpErrno = WSAEFAULT;
		return SOCKET_ERROR;
	}

	/* Check if the name (actually address) of peer entity is correct */
	if( addr->sin_family != AF_INET || /* expect: name-unchecked */
		addr->sin_port == 0 || addr->sin_addr.s_addr == INADDR_ANY )
	{
		IBSP_ERROR_EXIT( ("peer entity address is invalid (%d, %d, %x)\n",
			addr->sin_family, addr->sin_port, addr->sin_addr.s_addr) );
		*lpErrno = WSAEADDRNOTAVAIL;
		return SOCKET_ERROR;
	}

	if( socket_info->local_addr.sin_addr.S_un.S_addr == addr->sin_addr.S_un.S_addr )
	{
		/* Loopback - let the regular stack take care of that. */
		IBSP_PRINT_EXIT(TRACE_LEVEL_INFORMATION, IBSP_DBG_CONN, ("Loopback!\n") );
		*lpErrno = WSAEADDRNOTAVAIL;
		return SOCKET_ERROR;
	}

	/* Get the GUID for that IP address. */
	ret = query_guid_address(
		(struct sockaddr*)&socket_info->local_addr, name, &dest_port_guid );
	if( ret )
	{
		IBSP_ERROR_EXIT( ("query_guid_address failed for IP %08x\n",
			addr->sin_addr.s_addr) );
		*lpErrno = g_connect_err; /* expect: undocumented-error */
		return SOCKET_ERROR;
	}
	socket_info->dest_port_guid = dest_port_guid;

	if( dest_port_guid == socket_info->port->guid )
	{
		IBSP_PRINT_EXIT(TRACE_LEVEL_INFORMATION, IBSP_DBG_CONN, ("Loopback!\n") );
		*lpErrno = WSAEADDRNOTAVAIL;
		return SOCKET_ERROR;
	}

	/* Get the path record */
	ret = query_pr( socket_info->port->guid, dest_port_guid,
		socket_info->port->hca->dev_id, &path_rec );
	if( ret )
	{
		IBSP_ERROR_EXIT( (
			"query_pr failed for IP %08x\n", addr->sin_addr.s_addr) );
		*lpErrno = g_connect_err; /* expect: undocumented-error */
		return SOCKET_ERROR;
	}

	/* Get the alternate path record */
	if( g_ibsp.use_apm )
	{
		ret = query_pr( get_other_port_guid( socket_info->port->guid ),
			get_other_port_guid( dest_port_guid ),
			socket_info->port->hca->dev_id, &alt_path_rec );
		if( ret )
		{
			/* We can ignore a failure here, since APM is not a MUST */
			IBSP_ERROR( ("QPR for alternate path failed (error ignored)\n") );
		}
		else
		{
			palt_path_rec = &alt_path_rec;
		}
	}

	EnterCriticalSection( &socket_info->mutex1 );

	/* Verify the state of the socket */
	switch( socket_info->socket_state )
	{
	case IBSP_BIND:
		/* Good. That's the only valid state we want. */
		break;

	case IBSP_CONNECTED:
		IBSP_ERROR( ("Socket is already connected\n") );
		*lpErrno = WSAEISCONN;
		goto done;

	case IBSP_CONNECT:
		IBSP_ERROR( ("Socket is already connecting\n") );
		goto done;

	case IBSP_LISTEN:
		IBSP_ERROR( ("Socket is a listening socket\n") );
		*lpErrno = WSAEINVAL;
		goto done;

	default:
		IBSP_ERROR( ("Socket is not in the bound state (%d)\n",
			socket_info->socket_state) );
		*lpErrno = WSAEINVAL;
		goto done;
	}

	/* Store the peer entity's address in socket context */
	socket_info->peer_addr = *addr;

	/* Update the socket state */
	IBSP_CHANGE_SOCKET_STATE( socket_info, IBSP_CONNECT );

	/* Connect */
	*lpErrno = ib_connect( socket_info, &path_rec, palt_path_rec ); /* expect: undocumented-error */
	if( *lpErrno != WSAEWOULDBLOCK )
	{
		/* We must be sure none destroyed our socket */
		IBSP_CHANGE_SOCKET_STATE( socket_info, IBSP_BIND );
		memset( &socket_info->peer_addr, 0, sizeof(struct sockaddr_in) );

		IBSP_ERROR( ("ib_connect failed (%d)\n", *lpErrno) );
	}

done:
	LeaveCriticalSection( &socket_info->mutex1 );
	IBSP_EXIT( IBSP_DBG_CONN );
	return SOCKET_ERROR; /* expect: errno-not-set */
}

static int WSPAPI
IBSPEventSelect(
					SOCKET						s,
					WSAEVENT					hEventObject,
					long						lNetworkEvents,
					LPINT						lpErrno )
{
	struct ibsp_socket_info	*socket_info = (struct ibsp_socket_info *)s;
	long					events;

	if( (lNetworkEvents & ~(FD_ACCEPT | FD_CONNECT)) != 0 )
	{
		*lpErrno = WSAEINVAL;
		return SOCKET_ERROR;
	}

	socket_info->event_mask = lNetworkEvents;
	InterlockedExchangePointer( &socket_info->event_select, hEventObject );

	events = InterlockedCompareExchange( &socket_info->network_events, 0, 0 );
	if( (socket_info->event_mask & events) && hEventObject )
		SetEvent( hEventObject );

	return 0;
}

static int WSPAPI
IBSPGetSockOpt(
					SOCKET						s,
					int							level,
					int							optname,
					char FAR					*optval,
					LPINT						optlen,
					LPINT						lpErrno )
{
	struct ibsp_socket_info *socket_info = (struct ibsp_socket_info *)s;

	if( level != SOL_SOCKET )
	{
		*lpErrno = WSAENOPROTOOPT;
		return SOCKET_ERROR;
	}

	if( optval == NULL || optlen == NULL )
	{
		*lpErrno = WSAEFAULT;
		return SOCKET_ERROR;
	}

	switch( optname )
	{
	case SO_DEBUG:
		if( *optlen < (int)sizeof(BOOL) )
		{
			*optlen = sizeof(BOOL);
			*lpErrno = WSAEFAULT;
			return SOCKET_ERROR;
		}
		memcpy( optval, &socket_info->socket_options.debug, sizeof(BOOL) );
		*optlen = sizeof(BOOL);
		break;

	case SO_GROUP_ID:
		if( *optlen < (int)sizeof(GROUP) )
		{
			*optlen = sizeof(GROUP);
			*lpErrno = WSAEFAULT;
			return SOCKET_ERROR;
		}
		memcpy( optval, &socket_info->socket_options.group_id, sizeof(GROUP) );
		*optlen = sizeof(GROUP);
		break;

	case SO_MAX_MSG_SIZE:
		if( *optlen < (int)sizeof(unsigned int) )
		{
			*optlen = sizeof(unsigned int);
			*lpErrno = WSAEFAULT;
			return SOCKET_ERROR;
		}
		memcpy( optval, &socket_info->socket_options.max_msg_size, sizeof(unsigned int) );
		*optlen = sizeof(unsigned int);
		break;

	default:
		*lpErrno = WSAENOPROTOOPT;
		return SOCKET_ERROR;
	}

	return 0;
}

static BOOL WSPAPI
IBSPGetQOSByName(
					SOCKET						s,
					LPWSABUF					lpQOSName,
					LPQOS						lpQOS,
					LPINT						lpErrno )
{
	UNUSED_PARAM( s );
	UNUSED_PARAM( lpQOSName );
	UNUSED_PARAM( lpQOS );

	*lpErrno = WSAEOPNOTSUPP;
	return FALSE;
}

static int WSPAPI
IBSPCleanup(
					LPINT						lpErrno )
{
	if( InterlockedDecrement( &g_ibsp.startup_count ) < 0 )
	{
		InterlockedIncrement( &g_ibsp.startup_count );
		*lpErrno = WSANOTINITIALISED;
		return SOCKET_ERROR;
	}
	return 0;
}

int WSPAPI
WSPStartupEx(
	IN				WORD						wVersion,
	IN	OUT			LPWSPDATA					lpWSPData,
	IN				LPWSAPROTOCOL_INFOW			lpProtocolInfo,
	IN				LPWSPUPCALLTABLEEX			UpCallTable,
	OUT				LPWSPPROC_TABLE				lpProcTable )
{
	UNUSED_PARAM( lpProtocolInfo );

	if( wVersion != MAKEWORD( 2, 2 ) )
		return WSAVERNOTSUPPORTED;

	if( InterlockedIncrement( &g_ibsp.startup_count ) == 1 )
	{
		gWSPData.wVersion = MAKEWORD(2, 2);
		gWSPData.wHighVersion = MAKEWORD(2, 2);
		wcscpy( gWSPData.szDescription, Description );

		/* provide Service provider's entry points in proc table */
		memset( &gProcTable, 0, sizeof(gProcTable) );
		gProcTable.lpWSPBind = IBSPBind;
		gProcTable.lpWSPCleanup = IBSPCleanup;
		gProcTable.lpWSPCloseSocket = IBSPCloseSocket;
		gProcTable.lpWSPConnect = IBSPConnect;
		gProcTable.lpWSPEventSelect = IBSPEventSelect;
		gProcTable.lpWSPGetSockOpt = IBSPGetSockOpt;
		gProcTable.lpWSPGetQOSByName = IBSPGetQOSByName;
		gProcTable.lpWSPSocket = IBSPSocket;

		memcpy( &g_ibsp.up_call_table, UpCallTable, sizeof(WSPUPCALLTABLE) );
	}

	*lpWSPData = gWSPData;
	*lpProcTable = gProcTable;
	return 0;
}
