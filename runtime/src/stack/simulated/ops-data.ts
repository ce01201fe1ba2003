/** WSPSend, WSPRecv, WSPSendTo, WSPRecvFrom over the simulated network. */
import type { SockAddr } from '../../net/address';
import { encodeSockAddr, formatAddr, isAllZero, sameAddr, sameIp, sockaddrSize } from '../../net/address';
import { describeRoute, isBroadcast, route } from '../../net/network';
import { FD_READ, MSG_OOB, MSG_PARTIAL, MSG_PEEK } from '../../spec/winsock-constants';
import type { InBuf, OutBuf, PtrArg, ReceiveResult, Reply } from '../stack';
import { readName } from './ops-bind';
import type { SimSocket } from './sim-socket';
import { describeState } from './sim-socket';
import type { World } from './world';
import { MAX_DATAGRAM } from './world';

type Buffers = InBuf[] | 'fault';

function gather(buffers: Buffers): Uint8Array | null {
  if (buffers === 'fault' || buffers.some((b) => b.kind !== 'bytes')) return null;
  const parts = buffers.map((b) => (b.kind === 'bytes' ? b.bytes : new Uint8Array(0)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function sendOp(w: World, handle: number, buffers: Buffers, flags: number, sent: PtrArg): Reply<number> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  const data = gather(buffers);
  if (data === null) return w.fail('WSAEFAULT', 'lpBuffers is not totally contained in a valid part of the user address space');
  if (sent !== 'ok') return w.fail('WSAEFAULT', 'lpNumberOfBytesSent must point at a DWORD for a nonoverlapped send');
  if ((flags & MSG_PARTIAL) !== 0) return w.fail('WSAEOPNOTSUPP', 'MSG_PARTIAL is not supported');
  if ((flags & MSG_OOB) !== 0 && s.type !== 'stream') return w.fail('WSAEOPNOTSUPP', 'MSG_OOB on a datagram socket');
  if (s.type === 'dgram') {
    if (s.remote === null) return w.fail('WSAENOTCONN', 'the datagram socket has no default destination (WSPConnect it, or use WSPSendTo)');
    return sendDatagram(w, s, s.remote, data);
  }
  if (s.state !== 'connected') return w.fail('WSAENOTCONN', describeState(s));
  if (s.shutSend) return w.fail('WSAESHUTDOWN', 'sending was shut down with WSPShutdown');
  if (s.broken !== null) return w.fail(s.broken, 'the connection was reset by the peer');
  const peer = s.peer;
  if (peer?.kind === 'local') {
    const other = peer.socket;
    if (other.state === 'closed' || other.shutRecv) {
      // Data for a socket that is gone draws a reset, which later calls see.
      s.broken = 'WSAECONNRESET';
    } else {
      for (const b of data) other.inbound.push(b);
      if (!other.readSignalled && data.length > 0) w.occur(other, FD_READ, null);
    }
  }
  return w.ok(data.length, `${data.length} byte(s) sent to ${formatAddr(s.remote as SockAddr)}`);
}

export function sendToOp(w: World, handle: number, buffers: Buffers, flags: number, to: InBuf, sent: PtrArg): Reply<number> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  // On connection-oriented sockets lpTo is ignored: this is a send.
  if (s.type === 'stream') return sendOp(w, handle, buffers, flags, sent);
  const data = gather(buffers);
  if (data === null) return w.fail('WSAEFAULT', 'lpBuffers is not totally contained in a valid part of the user address space');
  if (sent !== 'ok') return w.fail('WSAEFAULT', 'lpNumberOfBytesSent must point at a DWORD for a nonoverlapped send');
  if ((flags & (MSG_OOB | MSG_PARTIAL)) !== 0) return w.fail('WSAEOPNOTSUPP', 'MSG_OOB / MSG_PARTIAL on a datagram socket');
  if (to.kind === 'null') {
    if (s.remote === null) return w.fail('WSAEDESTADDRREQ', 'lpTo is NULL and the socket has no default destination');
    return sendDatagram(w, s, s.remote, data);
  }
  const n = readName(w, s, to, 'lpTo');
  if (!n.ok) return w.fail(n.error, n.detail);
  if (isAllZero(n.addr.ip) || n.addr.port === 0) return w.fail('WSAEADDRNOTAVAIL', `${formatAddr(n.addr)} is not a valid destination`);
  return sendDatagram(w, s, n.addr, data);
}

function sendDatagram(w: World, s: SimSocket, dest: SockAddr, data: Uint8Array): Reply<number> {
  if (s.shutSend) return w.fail('WSAESHUTDOWN', 'sending was shut down with WSPShutdown');
  if (data.length > MAX_DATAGRAM) return w.fail('WSAEMSGSIZE', `${data.length} bytes exceed the largest datagram (${MAX_DATAGRAM})`);
  const broadcast = isBroadcast(w.network, dest.ip);
  if (broadcast && !s.options.broadcast) return w.fail('WSAEACCES', `${formatAddr(dest)} is a broadcast address and SO_BROADCAST is not set`);
  const r = route(w.network, dest);
  if (r.kind === 'remote' && r.verdict === 'unreachable' && !broadcast) return w.fail('WSAENETUNREACH', describeRoute(r, dest));
  if (s.local === null) {
    // An unbound socket is bound implicitly, to the wildcard address.
    s.local = { family: s.family, ip: new Uint8Array(s.family === dest.family ? dest.ip.length : 4), port: w.allocPort('dgram', s.family), scopeId: 0 };
    s.state = 'bound';
  }
  const from = w.concreteLocal(s, dest);
  if (broadcast || r.kind === 'local') {
    const receivers = w
      .allSockets()
      .filter((o) => o.type === 'dgram' && o.local !== null && o.family === dest.family && o.local.port === dest.port)
      .filter((o) => (broadcast ? isAllZero((o.local as SockAddr).ip) : sameIp((o.local as SockAddr).ip, dest.ip) || isAllZero((o.local as SockAddr).ip)));
    let delivered = 0;
    for (const o of receivers) {
      // "Any datagrams received from an address other than the destination address specified will be discarded."
      if (o.shutRecv || (o.remote !== null && !sameAddr(o.remote, from))) continue;
      o.datagrams.push({ from, data: Uint8Array.from(data) });
      delivered++;
      if (!o.readSignalled) w.occur(o, FD_READ, null);
    }
    if (receivers.length === 0 && !broadcast) s.icmpReset = true;
    const note = receivers.length === 0 && !broadcast ? '; no socket is bound to that port (port unreachable comes back)' : delivered === 0 ? '; no receiver took it' : '';
    return w.ok(data.length, `${data.length} byte(s) sent to ${formatAddr(dest)}${note}`);
  }
  if (r.verdict === 'refuse') s.icmpReset = true;
  return w.ok(data.length, `${data.length} byte(s) sent to ${formatAddr(dest)}`);
}

export function recvOp(w: World, handle: number, capacity: number | 'fault', flags: number, received: PtrArg): Reply<ReceiveResult> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (capacity === 'fault') return w.fail('WSAEFAULT', 'lpBuffers is not totally contained in a valid part of the user address space');
  if (received !== 'ok') return w.fail('WSAEFAULT', 'lpNumberOfBytesRecvd must point at a DWORD for a nonoverlapped receive');
  if ((flags & MSG_OOB) !== 0) return w.fail('WSAEOPNOTSUPP', 'out-of-band data is not simulated');
  if (s.type === 'dgram') return recvDatagram(w, s, capacity, flags, 'WSPRecv').reply;
  if (s.state !== 'connected') return w.fail('WSAENOTCONN', describeState(s));
  return recvStream(w, s, capacity, flags);
}

function recvStream(w: World, s: SimSocket, capacity: number, flags: number): Reply<ReceiveResult> {
  if (s.shutRecv) return w.fail('WSAESHUTDOWN', 'receiving was shut down with WSPShutdown');
  if (s.inbound.length === 0 && s.broken === null && !s.eof) {
    if (s.nonblocking) return w.fail('WSAEWOULDBLOCK', 'nonblocking socket and no data has arrived');
    const outcome = w.clock.runUntil(() => s.inbound.length > 0 || s.broken !== null || s.eof, null);
    if (outcome === 'never') return w.stop(`recv on socket ${s.handle} would wait forever: no data can arrive`);
  }
  if (s.inbound.length === 0 && s.broken !== null) return w.fail(s.broken, 'the connection was reset by the peer');
  if (s.inbound.length === 0) return w.ok({ data: new Uint8Array(0), flags: 0 }, 'the peer closed the connection gracefully: 0 bytes');
  const n = Math.min(capacity, s.inbound.length);
  const data = Uint8Array.from(s.inbound.slice(0, n));
  if ((flags & MSG_PEEK) === 0) s.inbound.splice(0, n);
  s.readSignalled = false;
  if (s.inbound.length > 0) w.occur(s, FD_READ, null);
  return w.ok({ data, flags: 0 }, `${n} byte(s) received${s.inbound.length > 0 ? `, ${s.inbound.length} more waiting` : ''}`);
}

function recvDatagram(
  w: World,
  s: SimSocket,
  capacity: number,
  flags: number,
  fn: string,
): { reply: Reply<ReceiveResult>; from: SockAddr | null } {
  if (s.local === null) return { reply: w.fail('WSAEINVAL', `the datagram socket is not bound (${fn} needs a bound socket)`), from: null };
  if (s.shutRecv) return { reply: w.fail('WSAESHUTDOWN', 'receiving was shut down with WSPShutdown'), from: null };
  if (s.datagrams.length === 0 && !s.icmpReset) {
    if (s.nonblocking) return { reply: w.fail('WSAEWOULDBLOCK', 'nonblocking socket and no datagram is queued'), from: null };
    const outcome = w.clock.runUntil(() => s.datagrams.length > 0 || s.icmpReset, null);
    if (outcome === 'never') return { reply: w.stop(`${fn} on socket ${s.handle} would wait forever: no datagram can arrive`), from: null };
  }
  if (s.icmpReset) {
    s.icmpReset = false;
    return { reply: w.fail('WSAECONNRESET', 'an earlier datagram drew an ICMP "port unreachable"'), from: null };
  }
  const d = (flags & MSG_PEEK) !== 0 ? s.datagrams[0] : (s.datagrams.shift() as (typeof s.datagrams)[number]);
  s.readSignalled = false;
  if (s.datagrams.length > 0) w.occur(s, FD_READ, null);
  if (d.data.length > capacity) {
    // The rest of the message is discarded (unreliable protocol).
    const partial = { data: d.data.slice(0, capacity), flags: MSG_PARTIAL };
    return { reply: w.fail('WSAEMSGSIZE', `the ${d.data.length}-byte datagram did not fit in ${capacity} bytes; the rest was discarded`, partial), from: d.from };
  }
  return { reply: w.ok({ data: d.data, flags: 0 }, `${d.data.length}-byte datagram from ${formatAddr(d.from)}`), from: d.from };
}

export function recvFromOp(
  w: World,
  handle: number,
  capacity: number | 'fault',
  flags: number,
  from: OutBuf,
  received: PtrArg,
): Reply<ReceiveResult & { from: Uint8Array | null }> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (capacity === 'fault') return w.fail('WSAEFAULT', 'lpBuffers is not totally contained in a valid part of the user address space');
  if (received !== 'ok') return w.fail('WSAEFAULT', 'lpNumberOfBytesRecvd must point at a DWORD for a nonoverlapped receive');
  if (from.kind === 'fault') return w.fail('WSAEFAULT', 'lpFrom or lpFromlen is not valid');
  if (from.kind === 'buffer' && from.capacity < sockaddrSize(s.family)) return w.fail('WSAEFAULT', `*lpFromlen (${from.capacity}) is too small for the peer address`);
  if ((flags & MSG_OOB) !== 0) return w.fail('WSAEOPNOTSUPP', 'out-of-band data is not simulated');
  const connected = s.type === 'stream' ? s.state === 'connected' : s.remote !== null;
  // "Socket is connected. This function is not permitted with a connected socket."
  if (connected) return w.fail('WSAEISCONN', 'WSPRecvFrom is not permitted on a connected socket (use WSPRecv)');
  // WSPRecvFrom documents no WSAENOTCONN; its WSAEINVAL covers a stream socket in the wrong state.
  if (s.type === 'stream') return w.fail('WSAEINVAL', `${describeState(s)}: WSPRecvFrom on a stream socket needs a connection, and a connected one is refused`);
  const { reply, from: src } = recvDatagram(w, s, capacity, flags, 'WSPRecvFrom');
  const fromBytes = src && from.kind === 'buffer' ? encodeSockAddr(src) : null;
  if (reply.ok === 'stop') return reply;
  if (reply.ok) return w.ok({ ...reply.value, from: fromBytes }, reply.detail);
  return w.fail(reply.error, reply.detail, reply.partial ? { ...reply.partial, from: fromBytes } : undefined);
}
