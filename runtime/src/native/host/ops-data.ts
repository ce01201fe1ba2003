/** WSPSend, WSPRecv, WSPSendTo, WSPRecvFrom on the host: real bytes over loopback (or what the policy allows). */
import type { SockAddr } from '../../net/address';
import { encodeSockAddr, formatAddr, sockaddrSize } from '../../net/address';
import { FD_READ, MSG_OOB, MSG_PEEK } from '../../spec/winsock-constants';
import type { InBuf, OutBuf, PtrArg, ReceiveResult, Reply } from '../../stack/stack';
import { reachable, refusal } from '../net-policy';
import { nodeHost, readName, takeBytes } from './args';
import type { HostSocket } from './host-socket';
import { describeHostSocket, inboundBytes } from './host-socket';
import type { HostWorld } from './host-world';
import { NOT_EXPRESSIBLE } from './host-world';
import { bindUdp, udpBound } from './node-io';
import { osFail } from './ops-socket';

function gather(buffers: InBuf[] | 'fault'): Uint8Array | null {
  if (buffers === 'fault') return null;
  const parts: Uint8Array[] = [];
  for (const b of buffers) {
    if (b.kind !== 'bytes') return null;
    parts.push(b.bytes);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function sendOp(w: HostWorld, handle: number, buffers: InBuf[] | 'fault', flags: number, sent: PtrArg): Promise<Reply<number>> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  const data = gather(buffers);
  if (data === null || sent === 'fault') return w.fail('WSAEFAULT', 'lpBuffers or lpNumberOfBytesSent is not a valid part of the user address space');
  if (flags & MSG_OOB) return w.stop(`${NOT_EXPRESSIBLE}: MSG_OOB (Node sends no urgent data)`);
  if (s.type === 'dgram') {
    if (s.remote === null) return w.fail('WSAENOTCONN', `datagram socket ${handle} has no default destination`);
    return sendDatagram(w, s, data, s.remote, false);
  }
  if (s.state !== 'connected' || s.tcp === null) return w.fail('WSAENOTCONN', describeHostSocket(s));
  if (s.shutSend) return w.fail('WSAESHUTDOWN', `sending was shut down on socket ${handle}`);
  if (s.broken) return w.fail(s.broken, `the connection broke earlier (${s.broken})`);
  s.tcp.write(data);
  return w.ok(data.length, `${data.length} bytes handed to the host's TCP`);
}

export async function sendToOp(w: HostWorld, handle: number, buffers: InBuf[] | 'fault', flags: number, to: InBuf, sent: PtrArg): Promise<Reply<number>> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  // For a connection-oriented socket the destination is ignored: it is a plain send.
  if (s.type === 'stream') return sendOp(w, handle, buffers, flags, sent);
  const data = gather(buffers);
  if (data === null || sent === 'fault') return w.fail('WSAEFAULT', 'lpBuffers or lpNumberOfBytesSent is not a valid part of the user address space');
  if (flags & MSG_OOB) return w.stop(`${NOT_EXPRESSIBLE}: MSG_OOB on a datagram socket`);
  const n = readName(s.family, to, 'lpTo');
  if (!n.ok) return w.fail(n.error, n.detail);
  return sendDatagram(w, s, data, n.addr, true);
}

async function sendDatagram(w: HostWorld, s: HostSocket, data: Uint8Array, dest: SockAddr, explicit: boolean): Promise<Reply<number>> {
  if (!reachable(w.policy, dest.ip)) return w.stop(refusal(w.policy, explicit ? 'sendto' : 'send', dest));
  if (s.shutSend) return w.fail('WSAESHUTDOWN', `sending was shut down on socket ${s.handle}`);
  if (!udpBound(s)) {
    const b = await bindUdp(w, s, null);
    if (!b.ok) return osFail(w, b.error, 'the implicit bind before sending');
    s.state = 'bound';
  }
  const udp = s.udp as NonNullable<HostSocket['udp']>;
  const err = await new Promise<Error | null>((resolve) => {
    try {
      if (explicit) udp.send(data, dest.port, nodeHost(dest), (e) => resolve(e ?? null));
      else udp.send(data, (e) => resolve(e ?? null));
    } catch (e) {
      resolve(e instanceof Error ? e : new Error(String(e)));
    }
  });
  if (err) return osFail(w, err, `sending to ${formatAddr(dest)}`);
  return w.ok(data.length, `${data.length}-byte datagram sent to ${formatAddr(dest)} by the host`);
}

export async function recvOp(w: HostWorld, handle: number, capacity: number | 'fault', flags: number, received: PtrArg): Promise<Reply<ReceiveResult>> {
  const r = await receive(w, handle, capacity, flags, received, null);
  if (r.ok === 'stop') return r;
  if (!r.ok) return r.partial ? w.fail(r.error, r.detail, { data: r.partial.data, flags: r.partial.flags }) : w.fail(r.error, r.detail);
  return w.ok({ data: r.value.data, flags: r.value.flags }, r.detail);
}

export function recvFromOp(
  w: HostWorld,
  handle: number,
  capacity: number | 'fault',
  flags: number,
  from: OutBuf,
  received: PtrArg,
): Promise<Reply<ReceiveResult & { from: Uint8Array | null }>> {
  return receive(w, handle, capacity, flags, received, from);
}

async function receive(
  w: HostWorld,
  handle: number,
  capacity: number | 'fault',
  flags: number,
  received: PtrArg,
  from: OutBuf | null,
): Promise<Reply<ReceiveResult & { from: Uint8Array | null }>> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (capacity === 'fault' || received === 'fault') return w.fail('WSAEFAULT', 'lpBuffers or lpNumberOfBytesRecvd is not a valid part of the user address space');
  if (from !== null && from.kind === 'fault') return w.fail('WSAEFAULT', 'lpFrom or lpFromlen is not a valid part of the user address space');
  if (from !== null && from.kind === 'buffer' && from.capacity < sockaddrSize(s.family)) {
    return w.fail('WSAEFAULT', `lpFromlen (${from.capacity}) is too small for a sockaddr of this family`);
  }
  if (flags & MSG_OOB) return w.stop(`${NOT_EXPRESSIBLE}: MSG_OOB (Node receives no urgent data)`);
  if (s.shutRecv) return w.fail('WSAESHUTDOWN', `receiving was shut down on socket ${handle}`);
  const peek = (flags & MSG_PEEK) !== 0;
  if (s.type === 'stream') {
    if (s.state !== 'connected') return w.fail('WSAENOTCONN', describeHostSocket(s));
    const ready = (): boolean => s.inbound.length > 0 || s.eof || s.broken !== null;
    if (!ready()) {
      if (s.nonblocking) return w.fail('WSAEWOULDBLOCK', 'nonblocking socket and no data has arrived');
      if ((await w.waitUntil(ready, null)) !== 'ready') return w.deadlineStop(`the blocking receive on socket ${handle}`);
    }
    if (s.inbound.length > 0) {
      const data = takeBytes(s.inbound, capacity, peek);
      rearmRead(w, s);
      return w.ok({ data, flags: 0, from: null }, `${data.length} bytes received${peek ? ' (peeked)' : ''}; ${inboundBytes(s)} more buffered`);
    }
    if (s.broken) return w.fail(s.broken, `the connection broke (${s.broken})`);
    return w.ok({ data: new Uint8Array(0), flags: 0, from: null }, 'the peer closed the connection gracefully');
  }
  if (!udpBound(s)) return w.fail('WSAEINVAL', `datagram socket ${handle} is not bound`);
  const ready = (): boolean => s.datagrams.length > 0 || s.broken !== null;
  if (!ready()) {
    if (s.nonblocking) return w.fail('WSAEWOULDBLOCK', 'nonblocking socket and no datagram is queued');
    if ((await w.waitUntil(ready, null)) !== 'ready') return w.deadlineStop(`the blocking receive on socket ${handle}`);
  }
  if (s.datagrams.length === 0) {
    const error = s.broken as string;
    s.broken = null;
    return w.fail(error, `the host reported an ICMP error for an earlier datagram (${error})`);
  }
  const d = s.datagrams[0];
  if (!peek) s.datagrams.shift();
  rearmRead(w, s);
  const fromBytes = from !== null && from.kind === 'buffer' ? encodeSockAddr(d.from) : null;
  if (d.data.length > capacity) {
    const partial = { data: d.data.slice(0, capacity), flags: 0, from: fromBytes };
    return w.fail('WSAEMSGSIZE', `the ${d.data.length}-byte datagram from ${formatAddr(d.from)} did not fit in ${capacity} bytes; the rest is lost`, partial);
  }
  return w.ok({ data: d.data, flags: 0, from: fromBytes }, `${d.data.length}-byte datagram from ${formatAddr(d.from)}`);
}

/** A receive re-enables FD_READ, reported again at once when data is still waiting. */
function rearmRead(w: HostWorld, s: HostSocket): void {
  s.readReported = false;
  if (s.inbound.length > 0 || s.datagrams.length > 0) w.occur(s, FD_READ, null);
}
