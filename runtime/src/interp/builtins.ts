/** C library and Winsock helper functions and macros a snippet uses (memset, htons, inet_addr, FD_SET, printf...). */
import { ipToString, parseIpv4, parseIpv6 } from '../net/address';
import { AF_INET, AF_INET6 } from '../spec/winsock-constants';
import { CHAR, INT, UINT, ULLONG, USHORT, VOIDP, ptr } from './ctypes';
import type { Machine } from './machine';
import { addrOf, num } from './marshal';
import { format } from './printf';
import type { CallExpr } from './socket-calls';
import type { Value } from './values';
import { RunStop, int } from './values';

export type Builtin = (m: Machine, args: Value[], call: CallExpr) => Value | Promise<Value>;

const swap16 = (v: number): number => ((v & 0xff) << 8) | ((v >> 8) & 0xff);
const swap32 = (v: number): number => (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | ((v >>> 24) & 0xff)) >>> 0;
const str = (m: Machine, v: Value): string => m.mem.readCString(addrOf(v));

function need(call: CallExpr, args: Value[], n: number): void {
  if (args.length < n) throw new RunStop(`${call.callee} needs ${n} argument(s), ${args.length} given`, call.line);
}

/** The address bytes `inet_addr`/`inet_pton` store (network order, as they lie in memory). */
function ipv4Value(bytes: Uint8Array): number {
  return (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
}

/** inet_ntoa's static buffer, one per run. */
const ntoaBuffers = new WeakMap<Machine, number>();

const FD_SETSIZE = 64;

function fdSet(m: Machine, s: number, set: number, op: 'set' | 'clr' | 'isset'): number {
  const count = Number(m.mem.readInt(set, 4, false));
  const handles = Array.from({ length: Math.min(count, FD_SETSIZE) }, (_, i) => Number(m.mem.readInt(set + 8 + i * 8, 8, false)));
  const at = handles.indexOf(s);
  if (op === 'isset') return at >= 0 ? 1 : 0;
  if (op === 'set') {
    // winsock2.h's FD_SET adds a socket once and ignores it when the set is full.
    if (at < 0 && handles.length < FD_SETSIZE) {
      m.mem.writeInt(set + 8 + handles.length * 8, 8, BigInt(s));
      m.mem.writeInt(set, 4, BigInt(handles.length + 1));
    }
    return 0;
  }
  if (at >= 0) {
    handles.splice(at, 1);
    handles.forEach((h, i) => m.mem.writeInt(set + 8 + i * 8, 8, BigInt(h)));
    m.mem.writeInt(set, 4, BigInt(handles.length));
  }
  return 0;
}

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['memset', (m, a, c) => (need(c, a, 3), m.mem.fill(addrOf(a[0]), num(a[1]), num(a[2])), a[0])],
  ['ZeroMemory', (m, a, c) => (need(c, a, 2), m.mem.fill(addrOf(a[0]), 0, num(a[1])), int(0))],
  ['SecureZeroMemory', (m, a, c) => (need(c, a, 2), m.mem.fill(addrOf(a[0]), 0, num(a[1])), a[0])],
  ['memcpy', (m, a, c) => (need(c, a, 3), m.mem.write(addrOf(a[0]), m.mem.read(addrOf(a[1]), num(a[2]))), a[0])],
  ['memmove', (m, a, c) => (need(c, a, 3), m.mem.write(addrOf(a[0]), m.mem.read(addrOf(a[1]), num(a[2]))), a[0])],
  ['CopyMemory', (m, a, c) => (need(c, a, 3), m.mem.write(addrOf(a[0]), m.mem.read(addrOf(a[1]), num(a[2]))), int(0))],
  [
    'memcmp',
    (m, a, c) => {
      need(c, a, 3);
      const x = m.mem.read(addrOf(a[0]), num(a[2]));
      const y = m.mem.read(addrOf(a[1]), num(a[2]));
      const i = x.findIndex((b, k) => b !== y[k]);
      return int(i < 0 ? 0 : x[i] - y[i]);
    },
  ],
  ['strlen', (m, a, c) => (need(c, a, 1), int(str(m, a[0]).length, ULLONG))],
  ['strcmp', (m, a, c) => (need(c, a, 2), int(Math.sign(str(m, a[0]).localeCompare(str(m, a[1])))))],
  [
    'strcpy',
    (m, a, c) => {
      need(c, a, 2);
      const s = Buffer.from(`${str(m, a[1])}\0`, 'latin1');
      m.mem.write(addrOf(a[0]), s);
      return a[0];
    },
  ],
  ['htons', (_m, a, c) => (need(c, a, 1), int(swap16(num(a[0]) & 0xffff), USHORT))],
  ['ntohs', (_m, a, c) => (need(c, a, 1), int(swap16(num(a[0]) & 0xffff), USHORT))],
  ['htonl', (_m, a, c) => (need(c, a, 1), int(swap32(num(a[0]) >>> 0), UINT))],
  ['ntohl', (_m, a, c) => (need(c, a, 1), int(swap32(num(a[0]) >>> 0), UINT))],
  [
    'inet_addr',
    (m, a, c) => {
      need(c, a, 1);
      const ip = parseIpv4(str(m, a[0]));
      return int(ip ? ipv4Value(ip) : 0xffffffff, UINT);
    },
  ],
  [
    'inet_pton',
    (m, a, c) => {
      need(c, a, 3);
      return pton(m, num(a[0]), str(m, a[1]), addrOf(a[2]));
    },
  ],
  ['InetPtonA', (m, a, c) => (need(c, a, 3), pton(m, num(a[0]), str(m, a[1]), addrOf(a[2])))],
  [
    'inet_ntoa',
    (m, a, c) => {
      need(c, a, 1);
      const raw = a[0].k === 'obj' ? m.mem.read(a[0].addr, 4) : Uint8Array.of(...[0, 8, 16, 24].map((s) => (num(a[0]) >>> s) & 0xff));
      let at = ntoaBuffers.get(m);
      if (at === undefined) {
        at = m.mem.alloc(16, 1, 'inet_ntoa buffer', true);
        ntoaBuffers.set(m, at);
      }
      m.mem.write(at, Buffer.from(`${ipToString(raw)}\0`, 'latin1'));
      return { k: 'int', type: ptr(CHAR), v: BigInt(at) };
    },
  ],
  [
    'inet_ntop',
    (m, a, c) => {
      need(c, a, 4);
      const af = num(a[0]);
      const raw = m.mem.read(addrOf(a[1]), af === AF_INET6 ? 16 : 4);
      const text = Buffer.from(`${ipToString(raw)}\0`, 'latin1');
      if (text.length > num(a[3])) return int(0, VOIDP);
      m.mem.write(addrOf(a[2]), text);
      return a[2];
    },
  ],
  ['FD_ZERO', (m, a, c) => (need(c, a, 1), m.mem.writeInt(addrOf(a[0]), 4, 0n), int(0))],
  ['FD_SET', (m, a, c) => (need(c, a, 2), int(fdSet(m, num(a[0]), addrOf(a[1]), 'set')))],
  ['FD_CLR', (m, a, c) => (need(c, a, 2), int(fdSet(m, num(a[0]), addrOf(a[1]), 'clr')))],
  ['FD_ISSET', (m, a, c) => (need(c, a, 2), int(fdSet(m, num(a[0]), addrOf(a[1]), 'isset')))],
  ['__WSAFDIsSet', (m, a, c) => (need(c, a, 2), int(fdSet(m, num(a[0]), addrOf(a[1]), 'isset')))],
  ['WPUFDIsSet', (m, a, c) => (need(c, a, 2), int(fdSet(m, num(a[0]), addrOf(a[1]), 'isset')))],
  ['MAKEWORD', (_m, a, c) => (need(c, a, 2), int((num(a[0]) & 0xff) | ((num(a[1]) & 0xff) << 8), USHORT))],
  ['LOBYTE', (_m, a, c) => (need(c, a, 1), int(num(a[0]) & 0xff))],
  ['HIBYTE', (_m, a, c) => (need(c, a, 1), int((num(a[0]) >> 8) & 0xff))],
  ['abs', (_m, a, c) => (need(c, a, 1), int(Math.abs(num(a[0]))))],
  ['printf', (m, a, c) => print(m, a, c, 0)],
  ['fprintf', (m, a, c) => print(m, a, c, 1)],
  ['puts', (m, a, c) => (need(c, a, 1), m.print(`${str(m, a[0])}\n`), int(0))],
  ['putchar', (m, a, c) => (need(c, a, 1), m.print(String.fromCharCode(num(a[0]) & 0xff)), a[0])],
  [
    'sprintf',
    (m, a, c) => {
      need(c, a, 2);
      const text = format(m.mem, str(m, a[1]), a.slice(2));
      m.mem.write(addrOf(a[0]), Buffer.from(`${text}\0`, 'latin1'));
      return int(text.length);
    },
  ],
  [
    'snprintf',
    (m, a, c) => {
      need(c, a, 3);
      const text = format(m.mem, str(m, a[2]), a.slice(3));
      const cap = num(a[1]);
      if (cap > 0) m.mem.write(addrOf(a[0]), Buffer.from(`${text.slice(0, cap - 1)}\0`, 'latin1'));
      return int(text.length);
    },
  ],
  ['malloc', (m, a, c) => (need(c, a, 1), { k: 'int', type: VOIDP, v: BigInt(m.mem.alloc(num(a[0]), 16, `malloc block (line ${c.line})`, true)) })],
  [
    'calloc',
    (m, a, c) => (need(c, a, 2), { k: 'int', type: VOIDP, v: BigInt(m.mem.alloc(num(a[0]) * num(a[1]), 16, `malloc block (line ${c.line})`, true)) }),
  ],
  [
    'free',
    (m, a, c) => {
      need(c, a, 1);
      if (addrOf(a[0]) !== 0 && !m.mem.free(addrOf(a[0]))) throw new RunStop('free() of a pointer malloc did not return (or freed twice)', c.line);
      return int(0);
    },
  ],
  [
    'assert',
    (_m, a, c) => {
      need(c, a, 1);
      if (num(a[0]) === 0) throw new RunStop('assertion failed', c.line);
      return int(0);
    },
  ],
  ['WSAStartup', (m, a, c) => (need(c, a, 2), addrOf(a[1]) !== 0 && m.mem.writeInt(addrOf(a[1]), 2, BigInt(num(a[0]))), int(0))],
  ['WSACleanup', () => int(0)],
  ['GetLastError', (m) => int(m.lastError, UINT)],
  ['GetTickCount', (m) => int(Math.floor(m.stack.now()), UINT)],
  ['GetTickCount64', (m) => int(Math.floor(m.stack.now()), ULLONG)],
]);

function print(m: Machine, a: Value[], c: CallExpr, skip: number): Value {
  need(c, a, skip + 1);
  const text = format(m.mem, str(m, a[skip]), a.slice(skip + 1));
  m.print(text);
  return int(text.length, INT);
}

function pton(m: Machine, af: number, text: string, dst: number): Value {
  if (af === AF_INET) {
    const ip = parseIpv4(text);
    if (!ip) return int(0);
    m.mem.write(dst, ip);
    return int(1);
  }
  if (af === AF_INET6) {
    const ip = parseIpv6(text);
    if (!ip) return int(0);
    m.mem.write(dst, ip);
    return int(1);
  }
  return int(-1);
}

/** Identifiers of the C library a snippet may name (`fprintf(stderr, ...)`). */
export const LIBRARY_IDENTIFIERS: ReadonlyMap<string, Value> = new Map([
  ['stdin', { k: 'int', type: VOIDP, v: 1n }],
  ['stdout', { k: 'int', type: VOIDP, v: 2n }],
  ['stderr', { k: 'int', type: VOIDP, v: 3n }],
]);
