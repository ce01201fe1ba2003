/** The Winsock and Windows structures and typedefs a snippet can use, laid out for x64. */
import { PROC_TABLE_FIELDS } from '../../../server/src/core/spec/contracts';
import type { CType } from './ctypes';
import { CHAR, INT, LLONG, SHORT, SOCKET_T, UCHAR, UINT, ULLONG, USHORT, VOID, VOIDP, arr, makeStruct, ptr } from './ctypes';

const int = (size: 1 | 2 | 4 | 8, signed: boolean, name: string): CType => ({ kind: 'int', size, signed, name });

/** A struct whose members are reachable under extra names at the same offsets (`s_addr` for `S_un.S_addr`). */
function withAliases(t: CType, aliases: [string, CType, number][]): CType {
  if (t.kind !== 'struct' || t.fields === null) return t;
  return { ...t, fields: [...t.fields, ...aliases.map(([name, type, offset]) => ({ name, type, offset, alias: true }))] };
}

const unB = makeStruct('S_un_b', [
  ['s_b1', UCHAR],
  ['s_b2', UCHAR],
  ['s_b3', UCHAR],
  ['s_b4', UCHAR],
]);
const unW = makeStruct('S_un_w', [
  ['s_w1', USHORT],
  ['s_w2', USHORT],
]);
const inAddrUnion = makeStruct('S_un', [['S_un_b', unB], ['S_un_w', unW], ['S_addr', UINT]], true);
const IN_ADDR = withAliases(makeStruct('in_addr', [['S_un', inAddrUnion]]), [
  ['s_addr', UINT, 0],
  ['s_net', UCHAR, 0],
  ['s_host', UCHAR, 1],
  ['s_lh', UCHAR, 2],
  ['s_impno', UCHAR, 3],
]);
const in6Union = makeStruct('u', [['Byte', arr(UCHAR, 16)], ['Word', arr(USHORT, 8)]], true);
const IN6_ADDR = withAliases(makeStruct('in6_addr', [['u', in6Union]]), [
  ['s6_addr', arr(UCHAR, 16), 0],
  ['s6_bytes', arr(UCHAR, 16), 0],
  ['s6_words', arr(USHORT, 8), 0],
]);
const SOCKADDR = makeStruct('sockaddr', [
  ['sa_family', USHORT],
  ['sa_data', arr(CHAR, 14)],
]);
const SOCKADDR_IN = makeStruct('sockaddr_in', [
  ['sin_family', USHORT],
  ['sin_port', USHORT],
  ['sin_addr', IN_ADDR],
  ['sin_zero', arr(CHAR, 8)],
]);
const SOCKADDR_IN6 = makeStruct('sockaddr_in6', [
  ['sin6_family', USHORT],
  ['sin6_port', USHORT],
  ['sin6_flowinfo', UINT],
  ['sin6_addr', IN6_ADDR],
  ['sin6_scope_id', UINT],
]);
const SOCKADDR_STORAGE = makeStruct('sockaddr_storage', [
  ['ss_family', USHORT],
  ['__ss_pad1', arr(CHAR, 6)],
  ['__ss_align', LLONG],
  ['__ss_pad2', arr(CHAR, 112)],
]);
const WSABUF = makeStruct('_WSABUF', [
  ['len', UINT],
  ['buf', ptr(CHAR)],
]);
const FLOWSPEC = makeStruct(
  '_flowspec',
  ['TokenRate', 'TokenBucketSize', 'PeakBandwidth', 'Latency', 'DelayVariation', 'ServiceType', 'MaxSduSize', 'MinimumPolicedSize'].map(
    (n): [string, CType] => [n, UINT],
  ),
);
const QOS = makeStruct('_QualityOfService', [
  ['SendingFlowspec', FLOWSPEC],
  ['ReceivingFlowspec', FLOWSPEC],
  ['ProviderSpecific', WSABUF],
]);
const FD_SET_T = makeStruct('fd_set', [
  ['fd_count', UINT],
  ['fd_array', arr(SOCKET_T, 64)],
]);
const TIMEVAL = makeStruct('timeval', [
  ['tv_sec', INT],
  ['tv_usec', INT],
]);
const NETWORK_EVENTS = makeStruct('_WSANETWORKEVENTS', [
  ['lNetworkEvents', INT],
  ['iErrorCode', arr(INT, 10)],
]);
const LINGER = makeStruct('linger', [
  ['l_onoff', USHORT],
  ['l_linger', USHORT],
]);
const OVERLAPPED = makeStruct('_OVERLAPPED', [
  ['Internal', ULLONG],
  ['InternalHigh', ULLONG],
  ['Offset', UINT],
  ['OffsetHigh', UINT],
  ['hEvent', VOIDP],
]);
const WSADATA = makeStruct('WSAData', [
  ['wVersion', USHORT],
  ['wHighVersion', USHORT],
  ['iMaxSockets', USHORT],
  ['iMaxUdpDg', USHORT],
  ['lpVendorInfo', ptr(CHAR)],
  ['szDescription', arr(CHAR, 257)],
  ['szSystemStatus', arr(CHAR, 129)],
]);
/** WSPPROC_TABLE: one function pointer per member, in the order ws2spi.h declares them. */
const PROC_TABLE = makeStruct(
  '_WSPPROC_TABLE',
  PROC_TABLE_FIELDS.map((f): [string, CType] => [f.field, { kind: 'ptr', to: { kind: 'func', name: f.function } }]),
);
const opaque = (name: string): CType => ({ kind: 'struct', name, size: 0, align: 1, fields: null });

/** `struct NAME` tags the interpreter knows. */
export const STRUCT_TAGS: ReadonlyMap<string, CType> = new Map([
  ['sockaddr', SOCKADDR],
  ['sockaddr_in', SOCKADDR_IN],
  ['sockaddr_in6', SOCKADDR_IN6],
  ['sockaddr_storage', SOCKADDR_STORAGE],
  ['in_addr', IN_ADDR],
  ['in6_addr', IN6_ADDR],
  ['_WSABUF', WSABUF],
  ['_flowspec', FLOWSPEC],
  ['_QualityOfService', QOS],
  ['fd_set', FD_SET_T],
  ['timeval', TIMEVAL],
  ['_WSANETWORKEVENTS', NETWORK_EVENTS],
  ['linger', LINGER],
  ['_OVERLAPPED', OVERLAPPED],
  ['_WSAOVERLAPPED', OVERLAPPED],
  ['WSAData', WSADATA],
  ['_WSPPROC_TABLE', PROC_TABLE],
]);

const integerTypedefs: [string, CType][] = [
  ['SOCKET', SOCKET_T],
  ...(['DWORD', 'UINT', 'ULONG', 'u_int', 'u_long', 'GROUP', 'uint32_t', 'UINT32', 'DWORD32', 'ULONG32'] as const).map((n): [string, CType] => [n, int(4, false, n)]),
  ...(['INT', 'LONG', 'BOOL', 'int32_t', 'INT32', 'LONG32', 'socklen_t', 'errno_t'] as const).map((n): [string, CType] => [n, int(4, true, n)]),
  ...(['WORD', 'USHORT', 'u_short', 'ADDRESS_FAMILY', 'uint16_t', 'UINT16', 'WCHAR', 'wchar_t'] as const).map((n): [string, CType] => [n, int(2, false, n)]),
  ...(['SHORT', 'int16_t', 'INT16'] as const).map((n): [string, CType] => [n, int(2, true, n)]),
  ...(['BYTE', 'UCHAR', 'u_char', 'BOOLEAN', 'uint8_t', 'UINT8', 'bool', '_Bool'] as const).map((n): [string, CType] => [n, int(1, false, n)]),
  ...(['CHAR', 'int8_t', 'INT8'] as const).map((n): [string, CType] => [n, int(1, true, n)]),
  ...(['ULONG_PTR', 'DWORD_PTR', 'UINT_PTR', 'SIZE_T', 'size_t', 'ULONGLONG', 'DWORD64', 'uint64_t', 'UINT64', 'uintptr_t'] as const).map(
    (n): [string, CType] => [n, int(8, false, n)],
  ),
  ...(['INT_PTR', 'LONG_PTR', 'SSIZE_T', 'ssize_t', 'LONGLONG', 'INT64', 'int64_t', 'intptr_t', 'ptrdiff_t'] as const).map(
    (n): [string, CType] => [n, int(8, true, n)],
  ),
];

/** Typedef names of the Windows and Winsock headers. */
export const TYPEDEFS: ReadonlyMap<string, CType> = new Map<string, CType>([
  ...integerTypedefs,
  ['VOID', VOID],
  ['PVOID', VOIDP],
  ['LPVOID', VOIDP],
  ['LPCVOID', VOIDP],
  ['HANDLE', VOIDP],
  ['WSAEVENT', VOIDP],
  ['HWND', VOIDP],
  ['LPWSAEVENT', ptr(VOIDP)],
  ['LPINT', ptr(INT)],
  ['PINT', ptr(INT)],
  ['LPDWORD', ptr(UINT)],
  ['PDWORD', ptr(UINT)],
  ['LPBOOL', ptr(INT)],
  ['PULONG', ptr(UINT)],
  ['LPSTR', ptr(CHAR)],
  ['LPCSTR', ptr(CHAR)],
  ['PCHAR', ptr(CHAR)],
  ['PSTR', ptr(CHAR)],
  ['PCSTR', ptr(CHAR)],
  ['SOCKADDR', SOCKADDR],
  ['PSOCKADDR', ptr(SOCKADDR)],
  ['LPSOCKADDR', ptr(SOCKADDR)],
  ['SOCKADDR_IN', SOCKADDR_IN],
  ['PSOCKADDR_IN', ptr(SOCKADDR_IN)],
  ['LPSOCKADDR_IN', ptr(SOCKADDR_IN)],
  ['SOCKADDR_IN6', SOCKADDR_IN6],
  ['PSOCKADDR_IN6', ptr(SOCKADDR_IN6)],
  ['SOCKADDR_STORAGE', SOCKADDR_STORAGE],
  ['PSOCKADDR_STORAGE', ptr(SOCKADDR_STORAGE)],
  ['IN_ADDR', IN_ADDR],
  ['IN6_ADDR', IN6_ADDR],
  ['WSABUF', WSABUF],
  ['LPWSABUF', ptr(WSABUF)],
  ['FLOWSPEC', FLOWSPEC],
  ['LPFLOWSPEC', ptr(FLOWSPEC)],
  ['QOS', QOS],
  ['LPQOS', ptr(QOS)],
  ['fd_set', FD_SET_T],
  ['FD_SET', FD_SET_T],
  ['PFD_SET', ptr(FD_SET_T)],
  ['LPFD_SET', ptr(FD_SET_T)],
  ['TIMEVAL', TIMEVAL],
  ['PTIMEVAL', ptr(TIMEVAL)],
  ['LPTIMEVAL', ptr(TIMEVAL)],
  ['WSANETWORKEVENTS', NETWORK_EVENTS],
  ['LPWSANETWORKEVENTS', ptr(NETWORK_EVENTS)],
  ['LINGER', LINGER],
  ['OVERLAPPED', OVERLAPPED],
  ['LPOVERLAPPED', ptr(OVERLAPPED)],
  ['WSAOVERLAPPED', OVERLAPPED],
  ['LPWSAOVERLAPPED', ptr(OVERLAPPED)],
  ['WSADATA', WSADATA],
  ['LPWSADATA', ptr(WSADATA)],
  ['WSPPROC_TABLE', PROC_TABLE],
  ['LPWSPPROC_TABLE', ptr(PROC_TABLE)],
  ['LPWSAPROTOCOL_INFOW', ptr(opaque('_WSAPROTOCOL_INFOW'))],
  ['LPWSAPROTOCOL_INFOA', ptr(opaque('_WSAPROTOCOL_INFOA'))],
  ['LPWSATHREADID', ptr(opaque('_WSATHREADID'))],
  ['LPCONDITIONPROC', VOIDP],
  ['LPWSAOVERLAPPED_COMPLETION_ROUTINE', VOIDP],
]);

