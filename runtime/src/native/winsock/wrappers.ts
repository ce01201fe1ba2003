/**
 * The calls the Winsock harness records, each with its C signature and the API function that really
 * runs: an SPI call (WSPConnect) runs its API twin (WSAConnect) and stores WSAGetLastError() in
 * `*lpErrno` on failure, as a provider's caller would see it. The list is the interpreter's
 * (runtime/src/interp/bindings.ts): the same calls are recorded, so results compare line by line.
 */

export interface Wrapped {
  /** The name as a snippet calls it (`lpWSPConnect` through a proc table is `WSPConnect`). */
  name: string;
  ret: 'int' | 'SOCKET' | 'DWORD' | 'void';
  /** C parameter list. */
  params: string;
  /** The API function that runs, for details. */
  api: string;
  /** C expression that runs it. */
  call: string;
  /** SPI: `lpErrno` receives the code on failure. */
  spi: boolean;
  /** C condition on `__r` meaning the call failed. */
  fail: string;
  /** C statements before the call (network policy checks, hWnd substitution). */
  before?: string;
  /** C statements after a successful call (events reported by WSAEnumNetworkEvents). */
  after?: string;
}

const OV = 'LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine';
const ERRNO = 'LPINT lpErrno';
const SOCK_FAIL = '__r == INVALID_SOCKET';
const INT_FAIL = '__r == SOCKET_ERROR';
const CONNECT_CHECK = (fn: string): string => `__wsplint_check_connect(__line, "${fn}", s, name, namelen);`;
const SEND_CHECK = (fn: string, to: string, tolen: string): string => `__wsplint_check_send(__line, "${fn}", s, ${to}, ${tolen});`;
const HWND_SWAP = 'if (hWnd != NULL) hWnd = __wsplint_window();';
const EVENTS = '__wsplint_network_events(__line, s, lpNetworkEvents);';
const TRACK = '__wsplint_track(s, lNetworkEvents, __line);';
const UNTRACK = '__wsplint_untrack(s);';
const INHERIT = '__wsplint_inherit(s, __r, __line);';

function spi(name: string, ret: 'int' | 'SOCKET', params: string, api: string, call: string, extra: Partial<Wrapped> = {}): Wrapped {
  return { name, ret, params: `${params}, ${ERRNO}`, api, call, spi: true, fail: ret === 'SOCKET' ? SOCK_FAIL : INT_FAIL, ...extra };
}

function api(name: string, ret: 'int' | 'SOCKET', params: string, call: string, extra: Partial<Wrapped> = {}): Wrapped {
  return { name, ret, params, api: name, call, spi: false, fail: ret === 'SOCKET' ? SOCK_FAIL : INT_FAIL, ...extra };
}

export const WRAPPED: readonly Wrapped[] = [
  spi('WSPSocket', 'SOCKET', 'int af, int type, int protocol, LPWSAPROTOCOL_INFOW lpProtocolInfo, GROUP g, DWORD dwFlags', 'WSASocketW', 'WSASocketW(af, type, protocol, lpProtocolInfo, g, dwFlags)'),
  spi('WSPBind', 'int', 'SOCKET s, const struct sockaddr *name, int namelen', 'bind', 'bind(s, name, namelen)'),
  spi('WSPListen', 'int', 'SOCKET s, int backlog', 'listen', 'listen(s, backlog)'),
  spi('WSPAccept', 'SOCKET', 'SOCKET s, struct sockaddr *addr, LPINT addrlen, LPCONDITIONPROC lpfnCondition, DWORD_PTR dwCallbackData', 'WSAAccept', 'WSAAccept(s, addr, addrlen, lpfnCondition, dwCallbackData)', { after: INHERIT }),
  spi(
    'WSPConnect',
    'int',
    'SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS',
    'WSAConnect',
    'WSAConnect(s, name, namelen, lpCallerData, lpCalleeData, lpSQOS, lpGQOS)',
    { before: CONNECT_CHECK('WSPConnect') },
  ),
  spi(
    'WSPIoctl',
    'int',
    `SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer, LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned, ${OV}, LPWSATHREADID lpThreadId`,
    'WSAIoctl',
    'WSAIoctl(s, dwIoControlCode, lpvInBuffer, cbInBuffer, lpvOutBuffer, cbOutBuffer, lpcbBytesReturned, lpOverlapped, lpCompletionRoutine)',
  ),
  spi('WSPSetSockOpt', 'int', 'SOCKET s, int level, int optname, const char *optval, int optlen', 'setsockopt', 'setsockopt(s, level, optname, optval, optlen)'),
  spi('WSPGetSockOpt', 'int', 'SOCKET s, int level, int optname, char *optval, LPINT optlen', 'getsockopt', 'getsockopt(s, level, optname, optval, optlen)'),
  spi('WSPSelect', 'int', 'int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const struct timeval *timeout', 'select', 'select(nfds, readfds, writefds, exceptfds, timeout)'),
  spi('WSPEventSelect', 'int', 'SOCKET s, WSAEVENT hEventObject, long lNetworkEvents', 'WSAEventSelect', 'WSAEventSelect(s, hEventObject, lNetworkEvents)', { after: TRACK }),
  spi('WSPEnumNetworkEvents', 'int', 'SOCKET s, WSAEVENT hEventObject, LPWSANETWORKEVENTS lpNetworkEvents', 'WSAEnumNetworkEvents', 'WSAEnumNetworkEvents(s, hEventObject, lpNetworkEvents)', {
    after: EVENTS,
  }),
  spi('WSPAsyncSelect', 'int', 'SOCKET s, HWND hWnd, unsigned int wMsg, long lEvent', 'WSAAsyncSelect', 'WSAAsyncSelect(s, hWnd, wMsg, lEvent)', { before: HWND_SWAP, after: UNTRACK }),
  spi('WSPGetSockName', 'int', 'SOCKET s, struct sockaddr *name, LPINT namelen', 'getsockname', 'getsockname(s, name, namelen)'),
  spi('WSPGetPeerName', 'int', 'SOCKET s, struct sockaddr *name, LPINT namelen', 'getpeername', 'getpeername(s, name, namelen)'),
  spi(
    'WSPSend',
    'int',
    `SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent, DWORD dwFlags, ${OV}, LPWSATHREADID lpThreadId`,
    'WSASend',
    'WSASend(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpOverlapped, lpCompletionRoutine)',
    { before: SEND_CHECK('WSPSend', 'NULL', '0') },
  ),
  spi(
    'WSPRecv',
    'int',
    `SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags, ${OV}, LPWSATHREADID lpThreadId`,
    'WSARecv',
    'WSARecv(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, lpOverlapped, lpCompletionRoutine)',
  ),
  spi(
    'WSPSendTo',
    'int',
    `SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent, DWORD dwFlags, const struct sockaddr *lpTo, int iTolen, ${OV}, LPWSATHREADID lpThreadId`,
    'WSASendTo',
    'WSASendTo(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpTo, iTolen, lpOverlapped, lpCompletionRoutine)',
    { before: SEND_CHECK('WSPSendTo', 'lpTo', 'iTolen') },
  ),
  spi(
    'WSPRecvFrom',
    'int',
    `SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags, struct sockaddr *lpFrom, LPINT lpFromlen, ${OV}, LPWSATHREADID lpThreadId`,
    'WSARecvFrom',
    'WSARecvFrom(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, lpFrom, lpFromlen, lpOverlapped, lpCompletionRoutine)',
  ),
  spi('WSPShutdown', 'int', 'SOCKET s, int how', 'shutdown', 'shutdown(s, how)'),
  spi('WSPCloseSocket', 'int', 'SOCKET s', 'closesocket', 'closesocket(s)', { after: UNTRACK }),

  api('socket', 'SOCKET', 'int af, int type, int protocol', 'socket(af, type, protocol)'),
  api('WSASocketA', 'SOCKET', 'int af, int type, int protocol, LPWSAPROTOCOL_INFOA lpProtocolInfo, GROUP g, DWORD dwFlags', 'WSASocketA(af, type, protocol, lpProtocolInfo, g, dwFlags)'),
  api('WSASocketW', 'SOCKET', 'int af, int type, int protocol, LPWSAPROTOCOL_INFOW lpProtocolInfo, GROUP g, DWORD dwFlags', 'WSASocketW(af, type, protocol, lpProtocolInfo, g, dwFlags)'),
  api('bind', 'int', 'SOCKET s, const struct sockaddr *name, int namelen', 'bind(s, name, namelen)'),
  api('listen', 'int', 'SOCKET s, int backlog', 'listen(s, backlog)'),
  api('accept', 'SOCKET', 'SOCKET s, struct sockaddr *addr, int *addrlen', 'accept(s, addr, addrlen)', { after: INHERIT }),
  api('WSAAccept', 'SOCKET', 'SOCKET s, struct sockaddr *addr, LPINT addrlen, LPCONDITIONPROC lpfnCondition, DWORD_PTR dwCallbackData', 'WSAAccept(s, addr, addrlen, lpfnCondition, dwCallbackData)', {
    after: INHERIT,
  }),
  api('connect', 'int', 'SOCKET s, const struct sockaddr *name, int namelen', 'connect(s, name, namelen)', { before: CONNECT_CHECK('connect') }),
  api(
    'WSAConnect',
    'int',
    'SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS',
    'WSAConnect(s, name, namelen, lpCallerData, lpCalleeData, lpSQOS, lpGQOS)',
    { before: CONNECT_CHECK('WSAConnect') },
  ),
  api('ioctlsocket', 'int', 'SOCKET s, long cmd, u_long *argp', 'ioctlsocket(s, cmd, argp)'),
  api(
    'WSAIoctl',
    'int',
    `SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer, LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned, ${OV}`,
    'WSAIoctl(s, dwIoControlCode, lpvInBuffer, cbInBuffer, lpvOutBuffer, cbOutBuffer, lpcbBytesReturned, lpOverlapped, lpCompletionRoutine)',
  ),
  api('setsockopt', 'int', 'SOCKET s, int level, int optname, const char *optval, int optlen', 'setsockopt(s, level, optname, optval, optlen)'),
  api('getsockopt', 'int', 'SOCKET s, int level, int optname, char *optval, int *optlen', 'getsockopt(s, level, optname, optval, optlen)'),
  api('select', 'int', 'int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const struct timeval *timeout', 'select(nfds, readfds, writefds, exceptfds, timeout)'),
  api('WSAEventSelect', 'int', 'SOCKET s, WSAEVENT hEventObject, long lNetworkEvents', 'WSAEventSelect(s, hEventObject, lNetworkEvents)', { after: TRACK }),
  api('WSAEnumNetworkEvents', 'int', 'SOCKET s, WSAEVENT hEventObject, LPWSANETWORKEVENTS lpNetworkEvents', 'WSAEnumNetworkEvents(s, hEventObject, lpNetworkEvents)', { after: EVENTS }),
  api('WSAAsyncSelect', 'int', 'SOCKET s, HWND hWnd, u_int wMsg, long lEvent', 'WSAAsyncSelect(s, hWnd, wMsg, lEvent)', { before: HWND_SWAP, after: UNTRACK }),
  api('getsockname', 'int', 'SOCKET s, struct sockaddr *name, int *namelen', 'getsockname(s, name, namelen)'),
  api('getpeername', 'int', 'SOCKET s, struct sockaddr *name, int *namelen', 'getpeername(s, name, namelen)'),
  api('send', 'int', 'SOCKET s, const char *buf, int len, int flags', 'send(s, buf, len, flags)', { before: SEND_CHECK('send', 'NULL', '0') }),
  api('recv', 'int', 'SOCKET s, char *buf, int len, int flags', 'recv(s, buf, len, flags)'),
  api('sendto', 'int', 'SOCKET s, const char *buf, int len, int flags, const struct sockaddr *to, int tolen', 'sendto(s, buf, len, flags, to, tolen)', {
    before: SEND_CHECK('sendto', 'to', 'tolen'),
  }),
  api('recvfrom', 'int', 'SOCKET s, char *buf, int len, int flags, struct sockaddr *from, int *fromlen', 'recvfrom(s, buf, len, flags, from, fromlen)'),
  api(
    'WSASend',
    'int',
    `SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent, DWORD dwFlags, ${OV}`,
    'WSASend(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpOverlapped, lpCompletionRoutine)',
    { before: SEND_CHECK('WSASend', 'NULL', '0') },
  ),
  api(
    'WSARecv',
    'int',
    `SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags, ${OV}`,
    'WSARecv(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, lpOverlapped, lpCompletionRoutine)',
  ),
  api(
    'WSASendTo',
    'int',
    `SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent, DWORD dwFlags, const struct sockaddr *lpTo, int iTolen, ${OV}`,
    'WSASendTo(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpTo, iTolen, lpOverlapped, lpCompletionRoutine)',
    { before: SEND_CHECK('WSASendTo', 'lpTo', 'iTolen') },
  ),
  api(
    'WSARecvFrom',
    'int',
    `SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags, struct sockaddr *lpFrom, LPINT lpFromlen, ${OV}`,
    'WSARecvFrom(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, lpFrom, lpFromlen, lpOverlapped, lpCompletionRoutine)',
  ),
  api('shutdown', 'int', 'SOCKET s, int how', 'shutdown(s, how)'),
  api('closesocket', 'int', 'SOCKET s', 'closesocket(s)', { after: UNTRACK }),

  // Waits: a DWORD comes back; WSA_WAIT_FAILED (WAIT_FAILED) is the failure.
  {
    name: 'WSAWaitForMultipleEvents',
    ret: 'DWORD',
    params: 'DWORD cEvents, const WSAEVENT *lphEvents, BOOL fWaitAll, DWORD dwTimeout, BOOL fAlertable',
    api: 'WSAWaitForMultipleEvents',
    call: 'WSAWaitForMultipleEvents(cEvents, lphEvents, fWaitAll, dwTimeout, fAlertable)',
    spi: false,
    fail: '__r == WSA_WAIT_FAILED',
  },
  {
    name: 'WaitForSingleObject',
    ret: 'DWORD',
    params: 'HANDLE hHandle, DWORD dwMilliseconds',
    api: 'WaitForSingleObject',
    call: 'WaitForSingleObject(hHandle, dwMilliseconds)',
    spi: false,
    fail: '__r == WAIT_FAILED',
  },
  { name: 'SleepEx', ret: 'DWORD', params: 'DWORD dwMilliseconds, BOOL bAlertable', api: 'SleepEx', call: 'SleepEx(dwMilliseconds, bAlertable)', spi: false, fail: '0' },
  { name: 'Sleep', ret: 'void', params: 'DWORD dwMilliseconds', api: 'Sleep', call: 'Sleep(dwMilliseconds)', spi: false, fail: '0' },
];

/** WSAGetLastError is recorded too (the interpreter records it), with the value as its result. */
export const RECORDED_NAMES: ReadonlySet<string> = new Set([...WRAPPED.map((w) => w.name), 'WSAGetLastError']);

/** C code of one wrapper: `__wsplint_<name>(line, args...)`. */
export function wrapperSource(w: Wrapped): string {
  const head = `static ${w.ret} __wsplint_${w.name}(int __line, ${w.params})`;
  const lines: string[] = [`${head} {`, '  __wsplint_enter(__line);'];
  if (w.before) lines.push(`  ${w.before}`);
  if (w.ret === 'void') {
    lines.push(`  ${w.call};`, '  int __failed = 0;', '  int __e = WSAGetLastError();', '  long long __ret = 0;');
  } else {
    lines.push(`  ${w.ret} __r = ${w.call};`, `  int __failed = (${w.fail});`, '  int __e = WSAGetLastError();');
    lines.push(w.ret === 'DWORD' ? '  long long __ret = (long long)(unsigned long)__r;' : '  long long __ret = (long long)__r;');
  }
  if (w.spi) {
    lines.push('  if (__failed) {', `    if (lpErrno == NULL) __wsplint_stop(__line, "${w.name} failed but lpErrno is NULL");`, '    *lpErrno = __e;', '  }');
  }
  lines.push(`  __wsplint_call(__line, "${w.name}", "${w.api}", __ret, __failed, __failed ? __e : 0);`);
  if (w.after) lines.push(`  if (!__failed) { ${w.after} }`);
  lines.push('  __wsplint_leave(__line);', '  WSASetLastError(__e);');
  if (w.ret !== 'void') lines.push('  return __r;');
  lines.push('}');
  return lines.join('\n');
}
