/**
 * The socket functions a snippet can call: the SPI functions (ws2spi.h argument order, `*lpErrno`) and
 * their API twins (winsock2.h, WSAGetLastError), plus event objects and waits.
 */
import { WSA_INFINITE, WSA_WAIT_FAILED, WSA_WAIT_TIMEOUT } from '../spec/winsock-constants';
import { wsaName, wsaValue } from '../spec/contracts';
import { INT, UINT, VOIDP } from './ctypes';
import type { Machine } from './machine';
import { addrOf, num } from './marshal';
import type { Binding, CallExpr } from './socket-calls';
import { API, arity, collectEvents, noOverlapped, record, spi } from './socket-calls';
import {
  opAccept,
  opAsyncSelect,
  opBind,
  opClose,
  opConnect,
  opEnumNetworkEvents,
  opEventSelect,
  opGetSockOpt,
  opIoctl,
  opListen,
  opName,
  opRecv,
  opSelect,
  opSend,
  opSendTo,
  opSetSockOpt,
  opShutdown,
  opSocket,
  singleBuffer,
} from './socket-ops';
import type { Value } from './values';
import { RunStop, int } from './values';

const Z = int(0);

function bind(n: number, f: (m: Machine, a: Value[], c: CallExpr) => Promise<Value>): Binding {
  return async (m, a, c) => {
    arity(c, a, n);
    return f(m, a, c);
  };
}

const SPI: [string, Binding][] = [
  ['WSPSocket', bind(7, (m, a, c) => opSocket(m, c, spi(a[6]), a[0], a[1], a[2], a[4], a[5]))],
  ['WSPBind', bind(4, (m, a, c) => opBind(m, c, spi(a[3]), a[0], a[1], a[2]))],
  ['WSPListen', bind(3, (m, a, c) => opListen(m, c, spi(a[2]), a[0], a[1]))],
  ['WSPAccept', bind(6, (m, a, c) => opAccept(m, c, spi(a[5]), a[0], a[1], a[2], a[3]))],
  ['WSPConnect', bind(8, (m, a, c) => opConnect(m, c, spi(a[7]), a[0], a[1], a[2], a[3], a[4], a[5], a[6]))],
  [
    'WSPIoctl',
    bind(11, (m, a, c) => {
      noOverlapped(c, a[7], a[8]);
      return opIoctl(m, c, spi(a[10]), a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    }),
  ],
  ['WSPSetSockOpt', bind(6, (m, a, c) => opSetSockOpt(m, c, spi(a[5]), a[0], a[1], a[2], a[3], a[4]))],
  ['WSPGetSockOpt', bind(6, (m, a, c) => opGetSockOpt(m, c, spi(a[5]), a[0], a[1], a[2], a[3], a[4]))],
  ['WSPSelect', bind(6, (m, a, c) => opSelect(m, c, spi(a[5]), a[1], a[2], a[3], a[4]))],
  ['WSPEventSelect', bind(4, (m, a, c) => opEventSelect(m, c, spi(a[3]), a[0], a[1], a[2]))],
  ['WSPEnumNetworkEvents', bind(4, (m, a, c) => opEnumNetworkEvents(m, c, spi(a[3]), a[0], a[1], a[2]))],
  ['WSPAsyncSelect', bind(5, (m, a, c) => opAsyncSelect(m, c, spi(a[4]), a[0], a[1], a[2], a[3]))],
  ['WSPGetSockName', bind(4, (m, a, c) => opName(m, c, spi(a[3]), 'sock', a[0], a[1], a[2]))],
  ['WSPGetPeerName', bind(4, (m, a, c) => opName(m, c, spi(a[3]), 'peer', a[0], a[1], a[2]))],
  [
    'WSPSend',
    bind(9, (m, a, c) => {
      noOverlapped(c, a[5], a[6]);
      return opSend(m, c, spi(a[8]), a[0], a[1], a[2], a[3], a[4]);
    }),
  ],
  [
    'WSPRecv',
    bind(9, (m, a, c) => {
      noOverlapped(c, a[5], a[6]);
      return opRecv(m, c, spi(a[8]), a[0], a[1], a[2], a[3], a[4]);
    }),
  ],
  [
    'WSPSendTo',
    bind(11, (m, a, c) => {
      noOverlapped(c, a[7], a[8]);
      return opSendTo(m, c, spi(a[10]), a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    }),
  ],
  [
    'WSPRecvFrom',
    bind(11, (m, a, c) => {
      noOverlapped(c, a[7], a[8]);
      return opRecv(m, c, spi(a[10]), a[0], a[1], a[2], a[3], a[4], { name: a[5], namelen: a[6] });
    }),
  ],
  ['WSPShutdown', bind(3, (m, a, c) => opShutdown(m, c, spi(a[2]), a[0], a[1]))],
  ['WSPCloseSocket', bind(2, (m, a, c) => opClose(m, c, spi(a[1]), a[0]))],
];

const TWINS: [string, Binding][] = [
  ['socket', bind(3, (m, a, c) => opSocket(m, c, API, a[0], a[1], a[2], Z, Z))],
  ['WSASocketA', bind(6, (m, a, c) => opSocket(m, c, API, a[0], a[1], a[2], a[4], a[5]))],
  ['WSASocketW', bind(6, (m, a, c) => opSocket(m, c, API, a[0], a[1], a[2], a[4], a[5]))],
  ['bind', bind(3, (m, a, c) => opBind(m, c, API, a[0], a[1], a[2]))],
  ['listen', bind(2, (m, a, c) => opListen(m, c, API, a[0], a[1]))],
  ['accept', bind(3, (m, a, c) => opAccept(m, c, API, a[0], a[1], a[2], Z))],
  ['WSAAccept', bind(5, (m, a, c) => opAccept(m, c, API, a[0], a[1], a[2], a[3]))],
  ['connect', bind(3, (m, a, c) => opConnect(m, c, API, a[0], a[1], a[2]))],
  ['WSAConnect', bind(7, (m, a, c) => opConnect(m, c, API, a[0], a[1], a[2], a[3], a[4], a[5], a[6]))],
  [
    'ioctlsocket',
    bind(3, (m, a, c) => {
      // ioctlsocket's argp is both the input and the output (u_long).
      const scratch = int(m.mem.alloc(4, 4, 'scratch DWORD'), UINT);
      return opIoctl(m, c, API, a[0], a[1], a[2], int(4), a[2], int(4), scratch);
    }),
  ],
  [
    'WSAIoctl',
    bind(9, (m, a, c) => {
      noOverlapped(c, a[7], a[8]);
      return opIoctl(m, c, API, a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    }),
  ],
  ['setsockopt', bind(5, (m, a, c) => opSetSockOpt(m, c, API, a[0], a[1], a[2], a[3], a[4]))],
  ['getsockopt', bind(5, (m, a, c) => opGetSockOpt(m, c, API, a[0], a[1], a[2], a[3], a[4]))],
  ['select', bind(5, (m, a, c) => opSelect(m, c, API, a[1], a[2], a[3], a[4]))],
  ['WSAEventSelect', bind(3, (m, a, c) => opEventSelect(m, c, API, a[0], a[1], a[2]))],
  ['WSAEnumNetworkEvents', bind(3, (m, a, c) => opEnumNetworkEvents(m, c, API, a[0], a[1], a[2]))],
  ['WSAAsyncSelect', bind(4, (m, a, c) => opAsyncSelect(m, c, API, a[0], a[1], a[2], a[3]))],
  ['getsockname', bind(3, (m, a, c) => opName(m, c, API, 'sock', a[0], a[1], a[2]))],
  ['getpeername', bind(3, (m, a, c) => opName(m, c, API, 'peer', a[0], a[1], a[2]))],
  ['send', bind(4, (m, a, c) => opSend(m, c, API, a[0], singleBuffer(m, a[1], a[2]), int(1), 'return', a[3]))],
  ['recv', bind(4, (m, a, c) => opRecv(m, c, API, a[0], singleBuffer(m, a[1], a[2]), int(1), 'return', { byValue: a[3] }))],
  ['sendto', bind(6, (m, a, c) => opSendTo(m, c, API, a[0], singleBuffer(m, a[1], a[2]), int(1), 'return', a[3], a[4], a[5]))],
  [
    'recvfrom',
    bind(6, (m, a, c) => opRecv(m, c, API, a[0], singleBuffer(m, a[1], a[2]), int(1), 'return', { byValue: a[3] }, { name: a[4], namelen: a[5] })),
  ],
  [
    'WSASend',
    bind(7, (m, a, c) => {
      noOverlapped(c, a[5], a[6]);
      return opSend(m, c, API, a[0], a[1], a[2], a[3], a[4]);
    }),
  ],
  [
    'WSARecv',
    bind(7, (m, a, c) => {
      noOverlapped(c, a[5], a[6]);
      return opRecv(m, c, API, a[0], a[1], a[2], a[3], a[4]);
    }),
  ],
  [
    'WSASendTo',
    bind(9, (m, a, c) => {
      noOverlapped(c, a[7], a[8]);
      return opSendTo(m, c, API, a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    }),
  ],
  [
    'WSARecvFrom',
    bind(9, (m, a, c) => {
      noOverlapped(c, a[7], a[8]);
      return opRecv(m, c, API, a[0], a[1], a[2], a[3], a[4], { name: a[5], namelen: a[6] });
    }),
  ],
  ['shutdown', bind(2, (m, a, c) => opShutdown(m, c, API, a[0], a[1]))],
  ['closesocket', bind(1, (m, a, c) => opClose(m, c, API, a[0]))],
];

/** Waits and event objects: the places where virtual time passes. */
const WAITS: [string, Binding][] = [
  [
    'WSAGetLastError',
    bind(0, async (m, _a, c) => {
      const v = int(m.lastError);
      const name = m.lastError === 0 ? null : nameOf(m.lastError);
      m.calls.push({ line: c.line, call: c.callee, returned: m.lastError, error: name, code: name === null ? null : m.lastError, detail: name ?? 'no error' });
      return v;
    }),
  ],
  [
    'WSASetLastError',
    bind(1, async (m, a) => {
      m.lastError = num(a[0]);
      return Z;
    }),
  ],
  ['WSACreateEvent', bind(0, async (m) => ({ k: 'int', type: VOIDP, v: BigInt(m.stack.createEvent()) }))],
  ['WSACloseEvent', bind(1, async (m, a) => int(m.stack.closeEvent(addrOf(a[0])) ? 1 : 0))],
  ['WSASetEvent', bind(1, async (m, a) => int(m.stack.setEvent(addrOf(a[0])) ? 1 : 0))],
  ['WSAResetEvent', bind(1, async (m, a) => int(m.stack.resetEvent(addrOf(a[0])) ? 1 : 0))],
  [
    'WSAWaitForMultipleEvents',
    bind(5, async (m, a, c) => {
      const n = num(a[0]);
      const base = addrOf(a[1]);
      if (n < 0 || n > 64 || !m.mem.valid(base, Math.max(n, 1) * 8)) return waitFailed(m, c, 'WSA_INVALID_PARAMETER', 'lphEvents does not hold cEvents handles');
      const handles = Array.from({ length: n }, (_, i) => Number(m.mem.readInt(base + i * 8, 8, false)));
      return wait(m, c, handles, num(a[2]) !== 0, a[3]);
    }),
  ],
  ['WaitForSingleObject', bind(2, async (m, a, c) => wait(m, c, [addrOf(a[0])], false, a[1]))],
  ['Sleep', bind(1, async (m, a, c) => sleep(m, c, a[0]))],
  ['SleepEx', bind(2, async (m, a, c) => sleep(m, c, a[0]))],
];

function nameOf(code: number): string | null {
  return wsaName(code) ?? null;
}

async function wait(m: Machine, c: CallExpr, handles: number[], all: boolean, timeout: Value): Promise<Value> {
  const t = Number(BigInt.asUintN(32, timeout.k === 'int' ? timeout.v : 0n));
  const r = await m.stack.waitForEvents(handles, all, t === WSA_INFINITE ? null : t);
  collectEvents(m, c.line);
  if (r.ok === 'stop') throw new RunStop(r.message, c.line);
  if (!r.ok) return waitFailed(m, c, r.error, r.detail);
  const ret = int(r.value === 'timeout' ? WSA_WAIT_TIMEOUT : r.value, UINT);
  record(m, c, ret, null, r.detail);
  return ret;
}

function waitFailed(m: Machine, c: CallExpr, error: string, detail: string): Value {
  m.lastError = wsaValue(error);
  const ret = int(WSA_WAIT_FAILED, UINT);
  m.calls.push({ line: c.line, call: c.callee, returned: WSA_WAIT_FAILED, error, code: m.lastError, detail });
  return ret;
}

async function sleep(m: Machine, c: CallExpr, ms: Value): Promise<Value> {
  const r = await m.stack.sleep(num(ms));
  collectEvents(m, c.line);
  if (r.ok === 'stop') throw new RunStop(r.message, c.line);
  record(m, c, Z, null, r.detail);
  return Z;
}

export const SOCKET_BINDINGS: ReadonlyMap<string, Binding> = new Map([...SPI, ...TWINS, ...WAITS]);

/** The SPI function an API twin stands for (for contract lookups). */
export const TWIN_OF: ReadonlyMap<string, string> = new Map([
  ['socket', 'WSPSocket'],
  ['WSASocketA', 'WSPSocket'],
  ['WSASocketW', 'WSPSocket'],
  ['bind', 'WSPBind'],
  ['listen', 'WSPListen'],
  ['accept', 'WSPAccept'],
  ['WSAAccept', 'WSPAccept'],
  ['connect', 'WSPConnect'],
  ['WSAConnect', 'WSPConnect'],
  ['ioctlsocket', 'WSPIoctl'],
  ['WSAIoctl', 'WSPIoctl'],
  ['setsockopt', 'WSPSetSockOpt'],
  ['getsockopt', 'WSPGetSockOpt'],
  ['select', 'WSPSelect'],
  ['WSAEventSelect', 'WSPEventSelect'],
  ['WSAEnumNetworkEvents', 'WSPEnumNetworkEvents'],
  ['WSAAsyncSelect', 'WSPAsyncSelect'],
  ['getsockname', 'WSPGetSockName'],
  ['getpeername', 'WSPGetPeerName'],
  ['send', 'WSPSend'],
  ['WSASend', 'WSPSend'],
  ['recv', 'WSPRecv'],
  ['WSARecv', 'WSPRecv'],
  ['sendto', 'WSPSendTo'],
  ['WSASendTo', 'WSPSendTo'],
  ['recvfrom', 'WSPRecvFrom'],
  ['WSARecvFrom', 'WSPRecvFrom'],
  ['shutdown', 'WSPShutdown'],
  ['closesocket', 'WSPCloseSocket'],
]);

export { INT };
