/** WSPSetSockOpt, WSPGetSockOpt and WSPIoctl (FIONBIO, FIONREAD, SIOCATMARK). */
import {
  FIONBIO,
  FIONREAD,
  IPPROTO_TCP,
  SIOCATMARK,
  SO_ACCEPTCONN,
  SO_BROADCAST,
  SO_DEBUG,
  SO_DONTROUTE,
  SO_ERROR,
  SO_KEEPALIVE,
  SO_LINGER,
  SO_OOBINLINE,
  SO_RCVBUF,
  SO_RCVTIMEO,
  SO_REUSEADDR,
  SO_SNDBUF,
  SO_SNDTIMEO,
  SO_TYPE,
  SOCK_DGRAM,
  SOCK_STREAM,
  SOL_SOCKET,
  TCP_NODELAY,
} from '../../spec/winsock-constants';
import { wsaValue } from '../../spec/contracts';
import type { InBuf, OutBuf, PtrArg, Reply } from '../stack';
import type { SimSocket, SocketOptions } from './sim-socket';
import type { World } from './world';

type BoolOption = 'broadcast' | 'reuseAddr' | 'keepAlive' | 'oobInline' | 'noDelay';
type IntOption = 'rcvBuf' | 'sndBuf' | 'sndTimeo' | 'rcvTimeo';

const BOOL_OPTIONS = new Map<number, BoolOption>([
  [SO_BROADCAST, 'broadcast'],
  [SO_REUSEADDR, 'reuseAddr'],
  [SO_KEEPALIVE, 'keepAlive'],
  [SO_OOBINLINE, 'oobInline'],
]);
const INT_OPTIONS = new Map<number, IntOption>([
  [SO_RCVBUF, 'rcvBuf'],
  [SO_SNDBUF, 'sndBuf'],
  [SO_SNDTIMEO, 'sndTimeo'],
  [SO_RCVTIMEO, 'rcvTimeo'],
]);
/** Options that exist but that the simulated provider only stores. */
const STORED_ONLY = new Set([SO_DEBUG, SO_DONTROUTE]);

function u32(bytes: Uint8Array): number {
  return (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
}

function le32(value: number): Uint8Array {
  return Uint8Array.of(value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >>> 24) & 0xff);
}

export function setSockOptOp(w: World, handle: number, level: number, name: number, value: InBuf): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (level !== SOL_SOCKET && level !== IPPROTO_TCP) return w.fail('WSAEINVAL', `level ${level} is not valid`);
  const known = level === SOL_SOCKET ? BOOL_OPTIONS.has(name) || INT_OPTIONS.has(name) || STORED_ONLY.has(name) || name === SO_LINGER : name === TCP_NODELAY;
  if (!known || (level === IPPROTO_TCP && s.type !== 'stream')) return w.fail('WSAENOPROTOOPT', `option ${name} at level ${level} is unknown or unsupported here`);
  if (value.kind !== 'bytes') return w.fail('WSAEFAULT', 'optval is not in a valid part of the process address space');
  if (value.bytes.length < 4) return w.fail('WSAEFAULT', `optlen (${value.bytes.length}) is too small`);
  const v = u32(value.bytes);
  if (name === SO_LINGER && level === SOL_SOCKET) {
    // struct linger { u_short l_onoff; u_short l_linger; }
    s.options.lingerOn = (value.bytes[0] | (value.bytes[1] << 8)) !== 0;
    s.options.lingerSeconds = value.bytes[2] | (value.bytes[3] << 8);
    return w.ok(undefined, `SO_LINGER ${s.options.lingerOn ? `on, ${s.options.lingerSeconds}s` : 'off'}`);
  }
  const flag = level === IPPROTO_TCP ? 'noDelay' : BOOL_OPTIONS.get(name);
  if (flag) {
    s.options[flag] = v !== 0;
    return w.ok(undefined, `option ${name} ${v !== 0 ? 'enabled' : 'disabled'} on socket ${handle}`);
  }
  const int = INT_OPTIONS.get(name);
  if (int) {
    if ((int === 'rcvBuf' || int === 'sndBuf') && (v | 0) < 0) return w.fail('WSAEINVAL', `buffer size ${v | 0} is not valid`);
    s.options[int] = v;
  }
  return w.ok(undefined, `option ${name} set to ${v}`);
}

export function getSockOptOp(w: World, handle: number, level: number, name: number, out: OutBuf): Reply<Uint8Array> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (level !== SOL_SOCKET && level !== IPPROTO_TCP) return w.fail('WSAEINVAL', `level ${level} is unknown`);
  const value = readOption(w, s, level, name);
  if (value === null) return w.fail('WSAENOPROTOOPT', `option ${name} at level ${level} is unknown or unsupported`);
  if (out.kind !== 'buffer') return w.fail('WSAEFAULT', 'optval or optlen is not a valid part of the user address space');
  if (out.capacity < value.length) return w.fail('WSAEFAULT', `optlen (${out.capacity}) is too small for this option (${value.length})`);
  if (level === SOL_SOCKET && name === SO_ERROR) {
    const was = s.soError;
    // "Retrieves error status and clears." (Windows keeps it until a connection succeeds.)
    if (w.rules.soErrorClearedByRead) s.soError = null;
    return w.ok(value, `SO_ERROR = ${was ?? 0}${was !== null && w.rules.soErrorClearedByRead ? ' (now cleared)' : ''}`);
  }
  return w.ok(value, `option ${name} = ${u32(value)}`);
}

function readOption(w: World, s: SimSocket, level: number, name: number): Uint8Array | null {
  if (level === IPPROTO_TCP) return name === TCP_NODELAY && s.type === 'stream' ? le32(s.options.noDelay ? 1 : 0) : null;
  const o: SocketOptions = s.options;
  const flag = BOOL_OPTIONS.get(name);
  if (flag) return le32(o[flag] ? 1 : 0);
  const int = INT_OPTIONS.get(name);
  if (int) return le32(o[int]);
  if (name === SO_LINGER) return Uint8Array.of(o.lingerOn ? 1 : 0, 0, o.lingerSeconds & 0xff, o.lingerSeconds >> 8);
  if (name === SO_ERROR) return le32(s.soError === null ? 0 : wsaValue(s.soError));
  if (name === SO_TYPE) return le32(s.type === 'stream' ? SOCK_STREAM : SOCK_DGRAM);
  if (name === SO_ACCEPTCONN) return le32(s.state === 'listening' ? 1 : 0);
  if (STORED_ONLY.has(name)) return le32(0);
  return null;
}

export function ioctlOp(w: World, handle: number, code: number, input: InBuf, output: OutBuf, bytesReturned: PtrArg): Reply<Uint8Array> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (bytesReturned !== 'ok') return w.fail('WSAEFAULT', 'lpcbBytesReturned is not valid (it is required without overlapped I/O)');
  if (code === FIONBIO) {
    if (input.kind !== 'bytes' || input.bytes.length < 4) return w.fail('WSAEFAULT', 'FIONBIO needs lpvInBuffer pointing at an unsigned long');
    const nonblocking = u32(input.bytes) !== 0;
    // "If LPWSPAsyncSelect or LPWSPEventSelect has been issued on a socket, then any attempt to use
    // LPWSPIoctl to set the socket back to blocking mode will fail with WSAEINVAL."
    if (!nonblocking && s.notify.mode !== 'none') {
      return w.fail('WSAEINVAL', `socket ${handle} has a ${s.notify.mode === 'event' ? 'WSPEventSelect' : 'WSPAsyncSelect'} selection: cancel it (lNetworkEvents 0) before making it blocking`);
    }
    s.nonblocking = nonblocking;
    return w.ok(new Uint8Array(0), `socket ${handle} is now ${nonblocking ? 'nonblocking' : 'blocking'}`);
  }
  if (code === FIONREAD || code === SIOCATMARK) {
    if (output.kind !== 'buffer' || output.capacity < 4) return w.fail('WSAEFAULT', 'lpvOutBuffer must hold an unsigned long');
    if (code === SIOCATMARK) return w.ok(le32(1), 'no out-of-band data is waiting (TRUE)');
    const n = s.type === 'stream' ? s.inbound.length : s.datagrams.reduce((sum, d) => sum + d.data.length, 0);
    return w.ok(le32(n), `${n} byte(s) can be read`);
  }
  return w.fail('WSAEINVAL', `ioctl code 0x${(code >>> 0).toString(16)} is not simulated (FIONBIO, FIONREAD, SIOCATMARK are)`);
}
