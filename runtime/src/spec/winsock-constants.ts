/**
 * Numeric values of the Winsock header macros a snippet uses (winsock2.h, ws2def.h, ws2ipdef.h, qos.h,
 * ws2spi.h). These are header facts, not contract tables: the error codes (WSAE*) come from the
 * generated contract tables through ./contracts.ts and are not repeated here.
 */

export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 23;

export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;

export const IPPROTO_IP = 0;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_IPV6 = 41;

export const SOL_SOCKET = 0xffff;
export const SO_DEBUG = 0x0001;
export const SO_ACCEPTCONN = 0x0002;
export const SO_REUSEADDR = 0x0004;
export const SO_KEEPALIVE = 0x0008;
export const SO_DONTROUTE = 0x0010;
export const SO_BROADCAST = 0x0020;
export const SO_LINGER = 0x0080;
export const SO_OOBINLINE = 0x0100;
export const SO_SNDBUF = 0x1001;
export const SO_RCVBUF = 0x1002;
export const SO_SNDTIMEO = 0x1005;
export const SO_RCVTIMEO = 0x1006;
export const SO_ERROR = 0x1007;
export const SO_TYPE = 0x1008;
export const TCP_NODELAY = 0x0001;

export const FIONBIO = 0x8004667e;
export const FIONREAD = 0x4004667f;
export const SIOCATMARK = 0x40047307;

export const FD_READ = 0x01;
export const FD_WRITE = 0x02;
export const FD_OOB = 0x04;
export const FD_ACCEPT = 0x08;
export const FD_CONNECT = 0x10;
export const FD_CLOSE = 0x20;
export const FD_QOS = 0x40;
export const FD_GROUP_QOS = 0x80;
export const FD_ROUTING_INTERFACE_CHANGE = 0x100;
export const FD_ADDRESS_LIST_CHANGE = 0x200;
export const FD_MAX_EVENTS = 10;
export const FD_SETSIZE = 64;

/** FD_* names by bit position (the index into WSANETWORKEVENTS.iErrorCode). */
export const FD_EVENT_NAMES: readonly string[] = [
  'FD_READ',
  'FD_WRITE',
  'FD_OOB',
  'FD_ACCEPT',
  'FD_CONNECT',
  'FD_CLOSE',
  'FD_QOS',
  'FD_GROUP_QOS',
  'FD_ROUTING_INTERFACE_CHANGE',
  'FD_ADDRESS_LIST_CHANGE',
];

export const SD_RECEIVE = 0;
export const SD_SEND = 1;
export const SD_BOTH = 2;

export const MSG_OOB = 0x1;
export const MSG_PEEK = 0x2;
export const MSG_PARTIAL = 0x8000;

export const SERVICETYPE_NOTRAFFIC = 0;
export const SERVICETYPE_BESTEFFORT = 1;
export const SERVICETYPE_CONTROLLEDLOAD = 2;
export const SERVICETYPE_GUARANTEED = 3;
export const SERVICETYPE_NOCHANGE = 6;

export const WSA_WAIT_TIMEOUT = 0x102;
export const WSA_WAIT_FAILED = 0xffffffff;
export const WSA_INFINITE = 0xffffffff;

/** Every macro a snippet may name, with its value (bigint so that ~0 and 64-bit values stay exact). */
export const WINSOCK_MACROS: ReadonlyMap<string, { value: bigint; type: 'int' | 'uint' | 'u64' | 'ptr' }> = new Map(
  (
    [
      ['AF_UNSPEC', AF_UNSPEC],
      ['AF_INET', AF_INET],
      ['AF_INET6', AF_INET6],
      ['PF_UNSPEC', AF_UNSPEC],
      ['PF_INET', AF_INET],
      ['PF_INET6', AF_INET6],
      ['SOCK_STREAM', SOCK_STREAM],
      ['SOCK_DGRAM', SOCK_DGRAM],
      ['SOCK_RAW', SOCK_RAW],
      ['IPPROTO_IP', IPPROTO_IP],
      ['IPPROTO_TCP', IPPROTO_TCP],
      ['IPPROTO_UDP', IPPROTO_UDP],
      ['IPPROTO_IPV6', IPPROTO_IPV6],
      ['SOL_SOCKET', SOL_SOCKET],
      ['SO_DEBUG', SO_DEBUG],
      ['SO_ACCEPTCONN', SO_ACCEPTCONN],
      ['SO_REUSEADDR', SO_REUSEADDR],
      ['SO_KEEPALIVE', SO_KEEPALIVE],
      ['SO_DONTROUTE', SO_DONTROUTE],
      ['SO_BROADCAST', SO_BROADCAST],
      ['SO_LINGER', SO_LINGER],
      ['SO_OOBINLINE', SO_OOBINLINE],
      ['SO_SNDBUF', SO_SNDBUF],
      ['SO_RCVBUF', SO_RCVBUF],
      ['SO_SNDTIMEO', SO_SNDTIMEO],
      ['SO_RCVTIMEO', SO_RCVTIMEO],
      ['SO_ERROR', SO_ERROR],
      ['SO_TYPE', SO_TYPE],
      ['TCP_NODELAY', TCP_NODELAY],
      ['FD_READ', FD_READ],
      ['FD_WRITE', FD_WRITE],
      ['FD_OOB', FD_OOB],
      ['FD_ACCEPT', FD_ACCEPT],
      ['FD_CONNECT', FD_CONNECT],
      ['FD_CLOSE', FD_CLOSE],
      ['FD_QOS', FD_QOS],
      ['FD_GROUP_QOS', FD_GROUP_QOS],
      ['FD_ROUTING_INTERFACE_CHANGE', FD_ROUTING_INTERFACE_CHANGE],
      ['FD_ADDRESS_LIST_CHANGE', FD_ADDRESS_LIST_CHANGE],
      ['FD_ALL_EVENTS', 0x3ff],
      ['FD_MAX_EVENTS', FD_MAX_EVENTS],
      ['FD_SETSIZE', FD_SETSIZE],
      ...FD_EVENT_NAMES.map((n, i): [string, number] => [`${n}_BIT`, i]),
      ['SD_RECEIVE', SD_RECEIVE],
      ['SD_SEND', SD_SEND],
      ['SD_BOTH', SD_BOTH],
      ['MSG_OOB', MSG_OOB],
      ['MSG_PEEK', MSG_PEEK],
      ['MSG_DONTROUTE', 0x4],
      ['MSG_PARTIAL', MSG_PARTIAL],
      ['SOMAXCONN', 0x7fffffff],
      ['WSA_FLAG_OVERLAPPED', 0x01],
      ['WSA_WAIT_EVENT_0', 0],
      ['WAIT_OBJECT_0', 0],
      ['WSA_WAIT_TIMEOUT', WSA_WAIT_TIMEOUT],
      ['WAIT_TIMEOUT', WSA_WAIT_TIMEOUT],
      ['SOCKET_ERROR', -1],
      ['NO_ERROR', 0],
      ['ERROR_SUCCESS', 0],
      ['TRUE', 1],
      ['FALSE', 0],
      ['true', 1],
      ['false', 0],
      ['INADDR_ANY', 0],
      ['SERVICETYPE_NOTRAFFIC', SERVICETYPE_NOTRAFFIC],
      ['SERVICETYPE_BESTEFFORT', SERVICETYPE_BESTEFFORT],
      ['SERVICETYPE_CONTROLLEDLOAD', SERVICETYPE_CONTROLLEDLOAD],
      ['SERVICETYPE_GUARANTEED', SERVICETYPE_GUARANTEED],
      ['SERVICETYPE_NOCHANGE', SERVICETYPE_NOCHANGE],
    ] as [string, number][]
  )
    .map(([n, v]): [string, { value: bigint; type: 'int' | 'uint' | 'u64' | 'ptr' }] => [n, { value: BigInt(v), type: 'int' }])
    .concat([
      ['FIONBIO', { value: BigInt(FIONBIO), type: 'uint' }],
      ['FIONREAD', { value: BigInt(FIONREAD), type: 'uint' }],
      ['SIOCATMARK', { value: BigInt(SIOCATMARK), type: 'uint' }],
      ['INADDR_LOOPBACK', { value: 0x7f000001n, type: 'uint' }],
      ['INADDR_BROADCAST', { value: 0xffffffffn, type: 'uint' }],
      ['INADDR_NONE', { value: 0xffffffffn, type: 'uint' }],
      ['WSA_WAIT_FAILED', { value: BigInt(WSA_WAIT_FAILED), type: 'uint' }],
      ['WSA_INFINITE', { value: BigInt(WSA_INFINITE), type: 'uint' }],
      ['INFINITE', { value: BigInt(WSA_INFINITE), type: 'uint' }],
      ['INVALID_SOCKET', { value: 0xffffffffffffffffn, type: 'u64' }],
      ['NULL', { value: 0n, type: 'ptr' }],
      ['WSA_INVALID_EVENT', { value: 0n, type: 'ptr' }],
    ]),
);
