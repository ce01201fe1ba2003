/** WSPBind, WSPListen, WSPAccept, WSPGetSockName, WSPGetPeerName. */
import type { SockAddr } from '../../net/address';
import { decodeSockAddr, encodeSockAddr, formatAddr, isAllZero, sockaddrSize } from '../../net/address';
import { isLocalAddress } from '../../net/network';
import { FD_ACCEPT, FD_WRITE } from '../../spec/winsock-constants';
import type { InBuf, OutBuf, Reply } from '../stack';
import type { SimSocket } from './sim-socket';
import { describeState } from './sim-socket';
import type { World } from './world';
import { MAX_BACKLOG } from './world';

/** Decodes a sockaddr argument for socket `s`, or the reply that rejects it. */
export function readName(
  w: World,
  s: SimSocket,
  name: InBuf,
  what: string,
): { ok: true; addr: SockAddr } | { ok: false; error: string; detail: string } {
  if (name.kind === 'null') return { ok: false, error: 'WSAEFAULT', detail: `${what} is NULL` };
  if (name.kind === 'fault') return { ok: false, error: 'WSAEFAULT', detail: `${what} is not a valid part of the user address space` };
  const d = decodeSockAddr(name.bytes);
  if (!d.ok && d.reason === 'short' && d.family === s.family) {
    return { ok: false, error: 'WSAEFAULT', detail: `the length (${name.bytes.length}) is smaller than a sockaddr of this family (${sockaddrSize(s.family)})` };
  }
  if (!d.ok && d.family === -1) return { ok: false, error: 'WSAEFAULT', detail: `the length (${name.bytes.length}) is too small` };
  if (!d.ok || d.addr.family !== s.family) {
    const family = d.ok ? d.addr.family : d.family;
    return { ok: false, error: 'WSAEAFNOSUPPORT', detail: `address family ${family} cannot be used with this family-${s.family} socket` };
  }
  return { ok: true, addr: d.addr };
}

export function bindOp(w: World, handle: number, name: InBuf): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  const n = readName(w, s, name, 'name');
  // LPWSPBind documents no WSAEAFNOSUPPORT: a family that does not match is "incorrect address format" (WSAEFAULT).
  if (!n.ok) return w.fail('WSAEFAULT', n.detail);
  if (s.local !== null) return w.fail('WSAEINVAL', `socket ${handle} is already bound to ${formatAddr(s.local)}`);
  const addr = n.addr;
  if (!isAllZero(addr.ip) && !isLocalAddress(w.network, addr.ip)) {
    return w.fail('WSAEADDRNOTAVAIL', `${formatAddr(addr)} is not an address of this host`);
  }
  if (addr.port !== 0) {
    const holder = w.allSockets().find((o) => o !== s && o.type === s.type && o.local !== null && w.overlaps(o.local, addr));
    if (holder && !s.options.reuseAddr) {
      return w.fail('WSAEADDRINUSE', `${formatAddr(addr)} is already bound by socket ${holder.handle} and SO_REUSEADDR is not set`);
    }
  }
  s.local = { ...addr, ip: Uint8Array.from(addr.ip), port: addr.port === 0 ? w.allocPort(s.type, s.family) : addr.port };
  s.state = 'bound';
  return w.ok(undefined, `socket ${handle} bound to ${formatAddr(s.local)}${addr.port === 0 ? ' (port chosen by the stack)' : ''}`);
}

export function listenOp(w: World, handle: number, backlog: number): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (s.type !== 'stream') return w.fail('WSAEOPNOTSUPP', 'datagram sockets do not listen');
  if (s.state === 'connected') return w.fail('WSAEISCONN', `${describeState(s)}`);
  if (s.state === 'connecting') return w.fail('WSAEINVAL', `${describeState(s)}: a connect is in progress`);
  if (s.local === null) return w.fail('WSAEINVAL', `socket ${handle} has not been bound with WSPBind`);
  const local = s.local;
  const rival = w.allSockets().find((o) => o !== s && o.type === 'stream' && o.state === 'listening' && o.local !== null && w.overlaps(o.local, local));
  if (rival && s.state !== 'listening') {
    return w.fail('WSAEADDRINUSE', `socket ${rival.handle} already listens on ${formatAddr(rival.local as SockAddr)}`);
  }
  s.backlog = Math.min(Math.max(backlog, 1), MAX_BACKLOG);
  s.state = 'listening';
  s.failure = null;
  return w.ok(undefined, `socket ${handle} listens on ${formatAddr(local)} (backlog ${s.backlog})`);
}

export function acceptOp(w: World, handle: number, addr: OutBuf, withCondition: boolean): Reply<{ socket: number; addr: Uint8Array }> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (s.type !== 'stream') return w.fail('WSAEOPNOTSUPP', 'datagram sockets do not accept connections');
  if (s.state !== 'listening') return w.fail('WSAEINVAL', `${describeState(s)}: WSPListen was not invoked`);
  if (addr.kind === 'fault') return w.fail('WSAEFAULT', 'addr or addrlen is not a valid part of the user address space');
  if (addr.kind === 'buffer' && addr.capacity < sockaddrSize(s.family)) {
    return w.fail('WSAEFAULT', `addrlen (${addr.capacity}) is too small for a sockaddr of this family (${sockaddrSize(s.family)})`);
  }
  if (withCondition) return w.stop('WSPAccept with a condition function: the simulator does not run condition functions');
  if (s.acceptQueue.length === 0) {
    if (s.nonblocking) return w.fail('WSAEWOULDBLOCK', 'nonblocking socket and no connection is waiting');
    const outcome = w.clock.runUntil(() => s.acceptQueue.length > 0 || s.state !== 'listening', null);
    if (outcome === 'never') return w.stop(`accept on socket ${handle} would wait forever: no connection can arrive`);
  }
  const conn = s.acceptQueue.shift() as SimSocket;
  if (s.acceptQueue.length > 0) w.occur(s, FD_ACCEPT, null);
  if (conn.abortedBeforeAccept) {
    return w.fail('WSAECONNRESET', 'the incoming connection was reset by the peer before it was accepted');
  }
  conn.handle = w.allocHandle();
  // The accepted socket has the listening socket's properties, its event selection included.
  conn.nonblocking = s.nonblocking;
  conn.notify = s.notify.mode === 'none' ? { mode: 'none' } : { ...s.notify };
  conn.options = { ...s.options };
  w.sockets.set(conn.handle, conn);
  w.occur(conn, FD_WRITE, null);
  const peer = conn.remote as SockAddr;
  return w.ok({ socket: conn.handle, addr: encodeSockAddr(peer) }, `accepted socket ${conn.handle}, connected to ${formatAddr(peer)}`);
}

export function getSockNameOp(w: World, handle: number, out: OutBuf): Reply<Uint8Array> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (out.kind !== 'buffer') return w.fail('WSAEFAULT', 'name or namelen is NULL or not valid');
  if (s.local === null) return w.fail('WSAEINVAL', `socket ${handle} has not been bound`);
  const connectedAddr = s.remote !== null && (s.state === 'connected' || s.type === 'dgram') ? w.concreteLocal(s, s.remote) : null;
  if (connectedAddr === null && isAllZero(s.local.ip) && w.rules.sockNameOfWildcardFails) {
    // "ADDR_ANY is specified in LPWSPBind but connection has not yet occurred."
    return w.fail('WSAEINVAL', `socket ${handle} is bound to the wildcard address and not connected yet`);
  }
  const addr = connectedAddr ?? s.local;
  if (out.capacity < sockaddrSize(s.family)) return w.fail('WSAEFAULT', `namelen (${out.capacity}) is too small`);
  return w.ok(encodeSockAddr(addr), `local address ${formatAddr(addr)}`);
}

export function getPeerNameOp(w: World, handle: number, out: OutBuf): Reply<Uint8Array> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  const connected = s.type === 'dgram' ? s.remote !== null : s.state === 'connected';
  if (!connected || s.remote === null) return w.fail('WSAENOTCONN', `${describeState(s)}: no peer`);
  if (out.kind !== 'buffer') return w.fail('WSAEFAULT', 'name or namelen is NULL or not valid');
  if (out.capacity < sockaddrSize(s.family)) return w.fail('WSAEFAULT', `namelen (${out.capacity}) is too small`);
  return w.ok(encodeSockAddr(s.remote), `peer address ${formatAddr(s.remote)}`);
}
