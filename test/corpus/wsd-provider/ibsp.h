/*
 * Winsock Direct style provider over an RDMA fabric: shared declarations.
 */
#ifndef _IBSP_H_
#define _IBSP_H_

#include <winsock2.h>
#include <ws2spi.h>

typedef unsigned __int64 net64_t;

enum ibsp_socket_state
{
	IBSP_CREATE = 0,
	IBSP_BIND,
	IBSP_CONNECT,
	IBSP_LISTEN,
	IBSP_CONNECTED,
	IBSP_DUPLICATING_OLD,
	IBSP_DUPLICATING_NEW,
	IBSP_DUPLICATING_REMOTE,
	IBSP_DISCONNECTED,
	IBSP_CLOSED,
	IBSP_NUM_STATES
};

typedef struct _path_rec
{
	net64_t		dgid;
	net64_t		sgid;
	USHORT		dlid;
	USHORT		slid;
	UCHAR		mtu;
	UCHAR		rate;
} path_rec_t;

struct ibsp_port
{
	net64_t		guid;
	UCHAR		port_num;
	struct ibsp_hca	*hca;
};

struct ibsp_hca
{
	net64_t		guid;
	ULONG		dev_id;
};

struct ibsp_socket_options
{
	BOOL		debug;
	GROUP		group_id;
	int			group_priority;
	unsigned int	max_msg_size;
	unsigned int	max_rdma_size;
	unsigned int	rdma_threshold_size;
};

struct ibsp_socket_info
{
	CRITICAL_SECTION		mutex1;
	enum ibsp_socket_state	socket_state;
	SOCKET					switch_socket;
	struct sockaddr_in		local_addr;
	struct sockaddr_in		peer_addr;
	struct ibsp_port		*port;
	net64_t					dest_port_guid;
	BOOL					active_side;
	int						errno_connect;
	LONG					network_events;
	long					event_mask;
	HANDLE					event_select;
	struct ibsp_socket_options	socket_options;
	PVOID					qp;
	PVOID					cq_tinfo;
};

struct ibspdll_globals
{
	WSPUPCALLTABLE	up_call_table;
	HANDLE			heap;
	LONG			startup_count;
	BOOL			use_apm;
};

extern struct ibspdll_globals g_ibsp;
extern int g_connect_err;

/* ibsp_cm.c */
int query_guid_address(const struct sockaddr *p_src_addr, const struct sockaddr *p_dest_addr,
                       net64_t *port_guid);
int query_pr(net64_t guid, net64_t dest_port_guid, ULONG dev_id, path_rec_t *path_rec);
int ib_connect(struct ibsp_socket_info *socket_info, path_rec_t *path_rec,
               path_rec_t *alt_path_rec);
void ibsp_read_registry(void);
net64_t get_other_port_guid(net64_t guid);

#define IBSP_ERROR(args)        do { } while (0)
#define IBSP_ERROR_EXIT(args)   do { } while (0)
#define IBSP_PRINT(lvl, flg, args) do { } while (0)
#define IBSP_PRINT_EXIT(lvl, flg, args) do { } while (0)
#define IBSP_ENTER(flg)         do { } while (0)
#define IBSP_EXIT(flg)          do { } while (0)
#define UNUSED_PARAM(p)         ((void)(p))
#define IBSP_CHANGE_SOCKET_STATE(s, st) ((s)->socket_state = (st))

#endif /* _IBSP_H_ */
