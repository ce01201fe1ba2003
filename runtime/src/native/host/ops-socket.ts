/** WSPSocket, WSPBind, WSPListen, WSPAccept, WSPGetSockName, WSPGetPeerName, WSPShutdown, WSPCloseSocket on the host. */
import type { Socket as TcpSocket } from 'node:net';
import { createServer } from 'node:net';
import type { SockAddr } from '../../net/address';
import { encodeSockAddr, formatAddr, isAllZero, sameIp, sockaddrSize } from '../../net/address';
import { AF_INET, AF_INET6, FD_ACCEPT, FD_READ, FD_WRITE, IPPROTO_TCP, IPPROTO_UDP, SOCK_DGRAM, SOCK_STREAM } from '../../spec/winsock-constants';
import type { InBuf, OutBuf, Reply } from '../../stack/stack';
import { mapOsError } from '../error-map';
import { nodeHost, outCapacity, readName } from './args';
import type { HostSocket } from './host-socket';
import { describeHostSocket, newHostSocket } from './host-socket';
import type { HostWorld } from './host-world';
import { NOT_EXPRESSIBLE } from './host-world';
import { addressInfo, bindUdp, probeBind, release, sockAddrFrom, udpBound, watchTcp } from './node-io';

/** A host error as a Fail, or a Stop when the table has no Winsock twin for it. */
export function osFail<T>(w: HostWorld, e: unknown, what: string): Reply<T> {
  const mapped = mapOsError(e, what);
  if (mapped) return w.fail(mapped.error, mapped.detail);
  const text = e instanceof Error ? e.message : String(e);
  return w.stop(`the host answered ${what} with an error that has no Winsock twin: ${text}`);
}

export function socketOp(w: HostWorld, af: number, type: number, protocol: number, group: number, flags: number): Reply<number> {
  if (group !== 0) return w.stop(`${NOT_EXPRESSIBLE}: socket group ${group} (Node has no socket groups)`);
  if (af !== AF_INET && af !== AF_INET6) return w.fail('WSAEAFNOSUPPORT', `address family ${af}: the host stack has IPv4 (2) and IPv6 (23)`);
  if (type !== SOCK_STREAM && type !== SOCK_DGRAM) return w.fail('WSAESOCKTNOSUPPORT', `socket type ${type}: Node's net and dgram give stream and datagram sockets only`);
  const want = type === SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
  if (protocol !== 0 && protocol !== want) return w.fail('WSAEPROTONOSUPPORT', `protocol ${protocol} with socket type ${type}`);
  const s = newHostSocket(af, type === SOCK_STREAM ? 'stream' : 'dgram', protocol === 0 ? want : protocol);
  s.handle = w.allocHandle();
  w.sockets.set(s.handle, s);
  // dwFlags: WSA_FLAG_OVERLAPPED and the like only matter to overlapped I/O, which runs to completion here.
  const note = flags !== 0 ? ` (dwFlags 0x${flags.toString(16)} has no effect on the host stack)` : '';
  return w.ok(s.handle, `${s.type} socket ${s.handle} created on the host stack${note}`);
}

function overlaps(a: SockAddr, b: SockAddr): boolean {
  return a.family === b.family && a.port === b.port && (sameIp(a.ip, b.ip) || isAllZero(a.ip) || isAllZero(b.ip));
}

export async function bindOp(w: HostWorld, handle: number, name: InBuf): Promise<Reply<void>> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  const n = readName(s.family, name, 'name');
  // LPWSPBind lists no WSAEAFNOSUPPORT: a foreign family is an "incorrect address format" (WSAEFAULT).
  if (!n.ok) return w.fail('WSAEFAULT', n.detail);
  if (s.local !== null) return w.fail('WSAEINVAL', `socket ${handle} is already bound to ${formatAddr(s.local)}`);
  const addr = n.addr;
  if (s.type === 'dgram') {
    const r = await bindUdp(w, s, addr);
    if (!r.ok) return osFail(w, r.error, `binding ${formatAddr(addr)}`);
    s.state = 'bound';
    return w.ok(undefined, `datagram socket ${handle} bound to ${describeLocal(s)} by the host`);
  }
  // Node cannot hold a bound stream socket that neither listens nor connects: the host checks the
  // address with a short-lived listener, and the run's own sockets are checked here.
  if (addr.port !== 0 && !s.options.reuseAddr) {
    const holder = [...w.sockets.values()].find((o) => o !== s && o.state !== 'closed' && o.type === 'stream' && o.local !== null && overlaps(o.local, addr));
    if (holder) return w.fail('WSAEADDRINUSE', `${formatAddr(addr)} is held by socket ${holder.handle} of this run and SO_REUSEADDR is not set`);
  }
  const probe = await probeBind(addr);
  if (!probe.ok) return osFail(w, probe.error, `binding ${formatAddr(addr)}`);
  s.local = { ...addr, port: probe.port };
  s.state = 'bound';
  return w.ok(undefined, `stream socket ${handle} bound to ${formatAddr(s.local)} (checked by the host; Node binds it for real at listen or connect)`);
}

function describeLocal(s: HostSocket): string {
  return s.local ? formatAddr(s.local) : 'an address the host did not report';
}

export async function listenOp(w: HostWorld, handle: number, backlog: number): Promise<Reply<void>> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (s.type !== 'stream') return w.fail('WSAEOPNOTSUPP', 'datagram sockets do not listen');
  if (s.state === 'connected') return w.fail('WSAEISCONN', describeHostSocket(s));
  if (s.state === 'connecting') return w.fail('WSAEINVAL', `${describeHostSocket(s)}: a connect is in progress`);
  if (s.state === 'listening') return w.ok(undefined, `socket ${handle} already listens`);
  if (s.local === null) return w.fail('WSAEINVAL', `socket ${handle} has not been bound with WSPBind`);
  const local = s.local;
  const server = createServer({ allowHalfOpen: true });
  const err = await new Promise<unknown>((resolve) => {
    server.once('error', resolve);
    server.listen({ host: nodeHost(local), port: local.port, backlog: Math.max(1, Math.min(backlog, 200)), exclusive: true, ipv6Only: s.family === AF_INET6 }, () => {
      server.removeListener('error', resolve);
      resolve(null);
    });
  });
  if (err !== null) return osFail(w, err, `listening on ${formatAddr(local)}`);
  s.server = server;
  s.state = 'listening';
  s.local = addressInfo(s.family, server.address()) ?? local;
  server.on('connection', (c: TcpSocket) => queueConnection(w, s, c));
  return w.ok(undefined, `socket ${handle} listens on ${formatAddr(s.local)} (a real listener of the host)`);
}

function queueConnection(w: HostWorld, listener: HostSocket, c: TcpSocket): void {
  const conn = newHostSocket(listener.family, 'stream', listener.protocol);
  conn.state = 'connected';
  conn.local = sockAddrFrom(listener.family, c.localAddress, c.localPort);
  conn.remote = sockAddrFrom(listener.family, c.remoteAddress, c.remotePort);
  watchTcp(w, conn, c);
  listener.acceptQueue.push(conn);
  w.occur(listener, FD_ACCEPT, null);
  w.changed();
}

export async function acceptOp(w: HostWorld, handle: number, addr: OutBuf, withCondition: boolean): Promise<Reply<{ socket: number; addr: Uint8Array }>> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (s.type !== 'stream') return w.fail('WSAEOPNOTSUPP', 'datagram sockets do not accept connections');
  if (s.state !== 'listening') return w.fail('WSAEINVAL', `${describeHostSocket(s)}: WSPListen was not invoked`);
  if (addr.kind === 'fault') return w.fail('WSAEFAULT', 'addr or addrlen is not a valid part of the user address space');
  if (addr.kind === 'buffer' && addr.capacity < sockaddrSize(s.family)) {
    return w.fail('WSAEFAULT', `addrlen (${addr.capacity}) is too small for a sockaddr of this family (${sockaddrSize(s.family)})`);
  }
  if (withCondition) return w.stop('not expressible on host: WSPAccept with a condition function (Node accepts every connection itself)');
  if (s.acceptQueue.length === 0) {
    if (s.nonblocking) return w.fail('WSAEWOULDBLOCK', 'nonblocking socket and no connection is waiting');
    const outcome = await w.waitUntil(() => s.acceptQueue.length > 0 || s.state !== 'listening', null);
    if (outcome !== 'ready') return w.deadlineStop(`accept on socket ${handle}`);
    if (s.state !== 'listening') return w.fail('WSAEINTR', `socket ${handle} was closed during the accept`);
  }
  const conn = s.acceptQueue.shift() as HostSocket;
  conn.handle = w.allocHandle();
  // The accepted socket has the listening socket's properties, its event selection included.
  conn.nonblocking = s.nonblocking;
  conn.notify = s.notify.mode === 'none' ? { mode: 'none' } : { ...s.notify };
  conn.options = { ...s.options };
  w.sockets.set(conn.handle, conn);
  const due = new Map<number, string | null>([[FD_WRITE, null]]);
  if (conn.inbound.length > 0) due.set(FD_READ, null);
  w.occurAll(conn, due);
  if (s.acceptQueue.length > 0) w.occur(s, FD_ACCEPT, null);
  const peer = conn.remote as SockAddr;
  return w.ok({ socket: conn.handle, addr: encodeSockAddr(peer) }, `accepted socket ${conn.handle}, connected to ${formatAddr(peer)}`);
}

export function getSockNameOp(w: HostWorld, handle: number, out: OutBuf): Reply<Uint8Array> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  let addr: SockAddr | null = s.local;
  // A connecting socket has its local address from the moment the OS started the connect.
  if (s.tcp && (s.state === 'connected' || s.state === 'connecting')) addr = sockAddrFrom(s.family, s.tcp.localAddress, s.tcp.localPort) ?? addr;
  if (s.udp && udpBound(s)) addr = addressInfo(s.family, s.udp.address()) ?? addr;
  if (addr === null) return w.fail('WSAEINVAL', `socket ${handle} has not been bound`);
  const room = outCapacity(out, sockaddrSize(s.family), 'name');
  if (!room.ok) return w.fail(room.error, room.detail);
  return w.ok(encodeSockAddr(addr), `local address ${formatAddr(addr)} (as the host reports it)`);
}

export function getPeerNameOp(w: HostWorld, handle: number, out: OutBuf): Reply<Uint8Array> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  let peer: SockAddr | null = null;
  if (s.type === 'stream' && s.state === 'connected') peer = s.remote;
  if (s.type === 'dgram' && s.udp && s.remote) {
    try {
      peer = addressInfo(s.family, s.udp.remoteAddress());
    } catch {
      peer = null;
    }
  }
  if (peer === null) return w.fail('WSAENOTCONN', `${describeHostSocket(s)}: no peer`);
  const room = outCapacity(out, sockaddrSize(s.family), 'name');
  if (!room.ok) return w.fail(room.error, room.detail);
  return w.ok(encodeSockAddr(peer), `peer address ${formatAddr(peer)}`);
}

export function shutdownOp(w: HostWorld, handle: number, how: number): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (how < 0 || how > 2) return w.fail('WSAEINVAL', `how (${how}) is not SD_RECEIVE, SD_SEND or SD_BOTH`);
  if (s.type === 'stream' && s.state !== 'connected') return w.fail('WSAENOTCONN', describeHostSocket(s));
  if (how !== 0) {
    s.shutSend = true;
    s.tcp?.end();
  }
  if (how !== 1) s.shutRecv = true;
  const what = ['receiving', 'sending', 'receiving and sending'][how];
  return w.ok(undefined, `${what} shut down on socket ${handle}${how !== 0 && s.tcp ? ' (the host sent FIN)' : ''}`);
}

export function closeOp(w: HostWorld, handle: number): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  s.state = 'closed';
  void release(s);
  w.changed();
  return w.ok(undefined, `socket ${handle} closed on the host`);
}
