/**
 * WSPIoctl, WSPSetSockOpt, WSPGetSockOpt on the host. Options Node can apply are applied; options it
 * cannot are accepted with a detail that says they were not applied, and an option whose value the
 * host cannot know stops the run rather than returning an invented value.
 */
import {
  FIONBIO,
  FIONREAD,
  IPPROTO_TCP,
  SOL_SOCKET,
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
  TCP_NODELAY,
} from '../../spec/winsock-constants';
import { wsaValue } from '../../spec/contracts';
import type { InBuf, OutBuf, PtrArg, Reply } from '../../stack/stack';
import { int32Bytes, outCapacity, readInt32 } from './args';
import type { HostSocket } from './host-socket';
import { inboundBytes } from './host-socket';
import type { HostWorld } from './host-world';
import { NOT_EXPRESSIBLE } from './host-world';
import { udpBound } from './node-io';

const NOT_APPLIED = new Map<number, string>([
  [SO_LINGER, 'SO_LINGER'],
  [SO_SNDTIMEO, 'SO_SNDTIMEO'],
  [SO_RCVTIMEO, 'SO_RCVTIMEO'],
  [SO_OOBINLINE, 'SO_OOBINLINE'],
  [SO_DONTROUTE, 'SO_DONTROUTE'],
  [SO_DEBUG, 'SO_DEBUG'],
]);

export function ioctlOp(w: HostWorld, handle: number, code: number, input: InBuf, output: OutBuf, bytesReturned: PtrArg): Reply<Uint8Array> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (bytesReturned === 'fault') return w.fail('WSAEFAULT', 'lpcbBytesReturned is not a valid part of the user address space');
  if (code >>> 0 === FIONBIO) {
    const v = readInt32(input);
    if (v === null) return w.fail('WSAEFAULT', 'the FIONBIO argument is not a readable u_long');
    // "WSAEINVAL ... the socket is in nonblocking mode because of WSPAsyncSelect/WSPEventSelect" (setting blocking fails).
    if (v === 0 && s.notify.mode !== 'none') return w.fail('WSAEINVAL', `socket ${handle} has an event selection, so it cannot be made blocking`);
    s.nonblocking = v !== 0;
    return w.ok(new Uint8Array(0), `socket ${handle} is now ${s.nonblocking ? 'nonblocking' : 'blocking'} (kept by the host stack: Node never blocks)`);
  }
  if (code >>> 0 === FIONREAD) {
    const room = outCapacity(output, 4, 'the FIONREAD result');
    if (!room.ok) return w.fail(room.error, room.detail);
    const n = s.type === 'stream' ? inboundBytes(s) : (s.datagrams[0]?.data.length ?? 0);
    return w.ok(int32Bytes(n), `${n} bytes can be read at once`);
  }
  return w.stop(`${NOT_EXPRESSIBLE}: ioctl code 0x${(code >>> 0).toString(16)} (the host stack knows FIONBIO and FIONREAD)`);
}

export function setSockOptOp(w: HostWorld, handle: number, level: number, name: number, value: InBuf): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (value.kind !== 'bytes') return w.fail('WSAEFAULT', 'optval is not a valid part of the user address space');
  const v = readInt32(value);
  if (level === SOL_SOCKET && NOT_APPLIED.has(name)) {
    return w.ok(undefined, `${NOT_EXPRESSIBLE}: ${NOT_APPLIED.get(name)} accepted but not applied (Node has no such option)`);
  }
  if (v === null) return w.fail('WSAEFAULT', `optlen (${value.bytes.length}) is smaller than an int`);
  const on = v !== 0;
  if (level === SOL_SOCKET && name === SO_BROADCAST) {
    s.options.broadcast = on;
    if (s.udp && udpBound(s)) s.udp.setBroadcast(on);
    return w.ok(undefined, `SO_BROADCAST ${on ? 'on' : 'off'}${s.type === 'dgram' ? '' : ' (no effect on a stream socket)'}`);
  }
  if (level === SOL_SOCKET && name === SO_REUSEADDR) {
    s.options.reuseAddr = on;
    const late = s.udp !== null ? `; ${NOT_EXPRESSIBLE}: Node sets SO_REUSEADDR only when it creates the UDP socket, which already happened` : '';
    const stream = s.type === 'stream' ? ' (stream: used for the run\'s own bind checks; libuv always sets it on Unix listeners)' : '';
    return w.ok(undefined, `SO_REUSEADDR ${on ? 'on' : 'off'}${stream}${late}`);
  }
  if (level === SOL_SOCKET && name === SO_KEEPALIVE) {
    s.options.keepAlive = on;
    s.tcp?.setKeepAlive(on);
    return w.ok(undefined, `SO_KEEPALIVE ${on ? 'on' : 'off'}`);
  }
  if (level === IPPROTO_TCP && name === TCP_NODELAY) {
    s.options.noDelay = on;
    s.tcp?.setNoDelay(on);
    return w.ok(undefined, `TCP_NODELAY ${on ? 'on' : 'off'}`);
  }
  if (level === SOL_SOCKET && (name === SO_RCVBUF || name === SO_SNDBUF) && s.udp && udpBound(s)) {
    if (name === SO_RCVBUF) s.udp.setRecvBufferSize(Math.max(1, v));
    else s.udp.setSendBufferSize(Math.max(1, v));
    return w.ok(undefined, `${name === SO_RCVBUF ? 'SO_RCVBUF' : 'SO_SNDBUF'} set to ${v} on the host`);
  }
  return w.ok(undefined, `${NOT_EXPRESSIBLE}: option ${name} at level ${level} accepted but not applied`);
}

export function getSockOptOp(w: HostWorld, handle: number, level: number, name: number, out: OutBuf): Reply<Uint8Array> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  const room = outCapacity(out, 4, 'optval');
  if (!room.ok) return w.fail(room.error, room.detail);
  const flag = (b: boolean, what: string): Reply<Uint8Array> => w.ok(int32Bytes(b ? 1 : 0), `${what} is ${b ? 'on' : 'off'}`);
  if (level === IPPROTO_TCP && name === TCP_NODELAY) return flag(s.options.noDelay, 'TCP_NODELAY');
  if (level === SOL_SOCKET) {
    switch (name) {
      case SO_ERROR:
        return soError(w, s);
      case SO_TYPE:
        return w.ok(int32Bytes(s.type === 'stream' ? 1 : 2), `socket type ${s.type === 'stream' ? 'SOCK_STREAM' : 'SOCK_DGRAM'}`);
      case SO_ACCEPTCONN:
        return flag(s.state === 'listening', 'SO_ACCEPTCONN');
      case SO_BROADCAST:
        return flag(s.options.broadcast, 'SO_BROADCAST');
      case SO_REUSEADDR:
        return flag(s.options.reuseAddr, 'SO_REUSEADDR');
      case SO_KEEPALIVE:
        return flag(s.options.keepAlive, 'SO_KEEPALIVE');
      case SO_RCVBUF:
      case SO_SNDBUF:
        if (s.udp && udpBound(s)) {
          const v = name === SO_RCVBUF ? s.udp.getRecvBufferSize() : s.udp.getSendBufferSize();
          return w.ok(int32Bytes(v), `the host's buffer size is ${v}`);
        }
    }
  }
  return w.stop(`${NOT_EXPRESSIBLE}: option ${name} at level ${level} cannot be read through Node here`);
}

/** SO_ERROR: the failed nonblocking connect's code, reset once read (the spec's rule). */
function soError(w: HostWorld, s: HostSocket): Reply<Uint8Array> {
  const error = s.soError;
  s.soError = null;
  return w.ok(int32Bytes(error === null ? 0 : wsaValue(error)), error === null ? 'no pending error' : `pending error ${error}, now cleared`);
}
