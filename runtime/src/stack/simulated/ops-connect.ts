/**
 * WSPConnect, condition by condition as lpwspconnect.md states it, and the connection's later life:
 * establishment or failure, reported through select, FD_CONNECT and SO_ERROR.
 */
import type { SockAddr } from '../../net/address';
import { formatAddr, isAllZero, sameAddr } from '../../net/address';
import { describeRoute, isBroadcast, route } from '../../net/network';
import {
  FD_ACCEPT,
  FD_CONNECT,
  FD_WRITE,
  SERVICETYPE_BESTEFFORT,
  SERVICETYPE_NOCHANGE,
  SERVICETYPE_NOTRAFFIC,
} from '../../spec/winsock-constants';
import type { ConnectArgs, FlowSpecArg, Reply } from '../stack';
import { readName } from './ops-bind';
import { TIMING } from './profile';
import type { SimSocket } from './sim-socket';
import { describeState, newSocket } from './sim-socket';
import type { World } from './world';

export function connectOp(w: World, handle: number, args: ConnectArgs): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  const n = readName(w, s, args.name, 'name');
  if (!n.ok) return w.fail(n.error, n.detail);
  const target = n.addr;
  // "Parameter s is a listening socket."
  if (s.state === 'listening') return w.fail('WSAEINVAL', `socket ${handle} is a listening socket`);
  if (s.type === 'stream') {
    // "Any attempt to reconnect an active connection will fail with the error code WSAEISCONN."
    if (s.state === 'connected') return w.fail('WSAEISCONN', `socket ${handle} is already connected to ${formatAddr(s.remote as SockAddr)}`);
    // "Nonblocking LPWSPConnect call is in progress on the specified socket."
    if (s.state === 'connecting') return w.fail('WSAEALREADY', `a nonblocking connect to ${formatAddr(s.attempt?.target as SockAddr)} is still in progress`);
  }
  if (args.callerData.kind === 'fault' || args.calleeData.kind === 'fault') {
    return w.fail('WSAEFAULT', 'lpCallerData or lpCalleeData is not a valid part of the user address space');
  }
  if (args.sqos.kind === 'fault') return w.fail('WSAEFAULT', 'lpSQOS is not a valid part of the user address space');
  if (s.type === 'dgram') return connectDatagram(w, s, target, args);

  // "If the address member of the name structure is all zeroes, LPWSPConnect will return the error WSAEADDRNOTAVAIL."
  if (isAllZero(target.ip)) return w.fail('WSAEADDRNOTAVAIL', `the remote address ${formatAddr(target)} is all zeroes`);
  if (target.port === 0) return w.fail('WSAEADDRNOTAVAIL', `port 0 is not a valid remote port`);
  if (args.callerData.kind === 'bytes' && args.callerData.bytes.length > 0 && !w.provider.connectData) {
    return w.fail('WSAEPROTONOSUPPORT', 'this provider does not exchange connect data (lpCallerData); snippet option "connect-data" enables it');
  }
  const qos = qosProblem(w, args);
  if (qos) return w.fail('WSAEOPNOTSUPP', qos);

  const inUse = commitLocalAddress(w, s, target);
  if (inUse) return w.fail('WSAEADDRINUSE', inUse);

  const attempt = startAttempt(w, s, target, args);
  if (s.nonblocking) {
    return w.fail(
      'WSAEWOULDBLOCK',
      `nonblocking connect to ${formatAddr(target)} started; the outcome is reported by select (writefds/exceptfds), FD_CONNECT and SO_ERROR`,
    );
  }
  w.clock.runUntil(() => attempt.outcome !== null, null);
  const error = attempt.outcome?.error ?? null;
  if (error === null) return w.ok(undefined, `connected to ${formatAddr(target)} (t=${w.clock.now()}ms)`);
  // "If the return error code indicates the connection attempt failed ... the Winsock SPI client can call LPWSPConnect again."
  return w.fail(error, `${failureText(error, target)}; the socket may connect again`);
}

function connectDatagram(w: World, s: SimSocket, target: SockAddr, args: ConnectArgs): Reply<void> {
  const qos = qosProblem(w, args);
  if (qos) return w.fail('WSAEOPNOTSUPP', qos);
  // Connect data is "silently ignored" on connectionless sockets.
  if (args.calleeData.kind === 'buffer') args.calleeData.deliver(new Uint8Array(0));
  if (isAllZero(target.ip)) {
    // "If the address member of the name structure is all zeroes, the socket will be disconnected."
    const had = s.remote !== null;
    s.remote = null;
    s.datagrams = [];
    return w.ok(undefined, had ? 'default destination removed: WSPSend/WSPRecv now fail with WSAENOTCONN' : 'the socket had no default destination');
  }
  const broadcast = isBroadcast(w.network, target.ip);
  if (broadcast && !s.options.broadcast && w.rules.broadcastConnectNeedsSoBroadcast) {
    return w.fail('WSAEACCES', `${formatAddr(target)} is a broadcast address and SO_BROADCAST is not enabled`);
  }
  const r = route(w.network, target);
  // A broadcast address is on this host's link: always reachable.
  if (!broadcast && r.kind === 'remote' && r.verdict === 'unreachable') return w.fail('WSAENETUNREACH', describeRoute(r, target));
  if (s.local === null) {
    s.local = { family: s.family, ip: w.sourceIp(target), port: w.allocPort('dgram', s.family), scopeId: 0 };
    s.state = 'bound';
  }
  const changed = s.remote === null || !sameAddr(s.remote, target);
  const dropped = changed ? s.datagrams.length : 0;
  // "Any datagrams queued for receipt are discarded if name is different from the previous LPWSPConnect."
  if (changed) s.datagrams = [];
  s.remote = { ...target, ip: Uint8Array.from(target.ip) };
  if (w.rules.datagramConnectSignalsFdConnect && s.notify.mode !== 'async') w.occur(s, FD_CONNECT, null);
  w.occur(s, FD_WRITE, null);
  const note = dropped > 0 ? `; ${dropped} queued datagram(s) discarded` : '';
  return w.ok(undefined, `default destination set to ${formatAddr(target)}${note}`);
}

/** Why the flow specification cannot be met, or null. */
function qosProblem(w: World, args: ConnectArgs): string | null {
  if (args.sqos.kind !== 'qos' || w.provider.qos) return null;
  const honoured = (f: FlowSpecArg): boolean =>
    f.serviceType === SERVICETYPE_NOTRAFFIC || f.serviceType === SERVICETYPE_BESTEFFORT || f.serviceType === SERVICETYPE_NOCHANGE;
  const { sending, receiving } = args.sqos;
  if (honoured(sending) && honoured(receiving)) return null;
  return `the flow specification asks for service type ${honoured(sending) ? receiving.serviceType : sending.serviceType}; this provider offers best effort only (snippet option "qos" lets it meet any QoS)`;
}

/**
 * Gives the socket its concrete local address for this connection, or says why it is in use: a wildcard
 * bind can collide only now ("could be delayed until this function if the bind was to a partially
 * wildcard address ... and if a specific address needs to be committed").
 */
function commitLocalAddress(w: World, s: SimSocket, target: SockAddr): string | null {
  if (s.local === null) {
    s.local = { family: s.family, ip: w.sourceIp(target), port: w.allocPort('stream', s.family), scopeId: 0 };
    s.state = 'bound';
    return null;
  }
  const local = w.concreteLocal(s, target);
  for (const o of w.allSockets()) {
    if (o === s || o.type !== 'stream' || o.local === null) continue;
    const oLocal = o.remote !== null ? w.concreteLocal(o, o.remote) : o.local;
    if (oLocal.port !== local.port || oLocal.family !== local.family) continue;
    const sameTuple = o.remote !== null && (o.state === 'connected' || o.state === 'connecting') && sameAddr(oLocal, local) && sameAddr(o.remote, target);
    const specificHolder = isAllZero(s.local.ip) && !isAllZero(o.local.ip) && sameAddr(o.local, local) && o.state !== 'connected';
    if (sameTuple) return `socket ${o.handle} already uses ${formatAddr(local)} -> ${formatAddr(target)}`;
    if (specificHolder) return `committing the wildcard bind gives ${formatAddr(local)}, which socket ${o.handle} holds`;
  }
  return null;
}

function startAttempt(w: World, s: SimSocket, target: SockAddr, args: ConnectArgs) {
  s.state = 'connecting';
  s.failure = null;
  s.remote = { ...target, ip: Uint8Array.from(target.ip) };
  const attempt: NonNullable<SimSocket['attempt']> = {
    target,
    blocking: !s.nonblocking,
    timer: null,
    outcome: null,
    deliverCalleeData: args.calleeData.kind === 'buffer' ? args.calleeData.deliver : null,
  };
  s.attempt = attempt;
  const r = route(w.network, target);
  if (r.kind === 'local') {
    attempt.timer = w.clock.schedule(TIMING.loopbackConnectMs, () => arriveLocally(w, s, target));
  } else if (r.verdict === 'listen') {
    attempt.timer = w.clock.schedule(TIMING.remoteRoundTripMs, () => establish(w, s, { kind: 'remote', addr: target }));
  } else if (r.verdict === 'refuse') {
    attempt.timer = w.clock.schedule(TIMING.remoteRoundTripMs, () => failAttempt(w, s, 'WSAECONNREFUSED'));
  } else if (r.verdict === 'silent') {
    attempt.timer = w.clock.schedule(TIMING.connectTimeoutMs, () => failAttempt(w, s, 'WSAETIMEDOUT'));
  } else {
    attempt.timer = w.clock.schedule(TIMING.unreachableMs, () => failAttempt(w, s, 'WSAENETUNREACH'));
  }
  return attempt;
}

/** The SYN reaches this host: a listener with room takes it, otherwise the port refuses. */
function arriveLocally(w: World, s: SimSocket, target: SockAddr): void {
  const listener = w
    .allSockets()
    .find((o) => o.type === 'stream' && o.state === 'listening' && o.local !== null && o.local.port === target.port && w.overlaps(o.local, target));
  if (listener && listener.acceptQueue.length < listener.backlog) {
    const server = newSocket(0, s.family, 'stream', s.protocol);
    server.state = 'connected';
    server.local = { ...target, ip: Uint8Array.from(target.ip) };
    server.remote = w.concreteLocal(s, target);
    server.peer = { kind: 'local', socket: s };
    listener.acceptQueue.push(server);
    establish(w, s, { kind: 'local', socket: server });
    w.occur(listener, FD_ACCEPT, null);
    return;
  }
  const attempt = s.attempt;
  if (!attempt) return;
  attempt.timer = w.clock.schedule(w.rules.loopbackRefusalDelayMs, () => failAttempt(w, s, 'WSAECONNREFUSED'));
}

function establish(w: World, s: SimSocket, peer: NonNullable<SimSocket['peer']>): void {
  const attempt = s.attempt;
  if (!attempt) return;
  attempt.outcome = { error: null };
  s.attempt = null;
  s.state = 'connected';
  s.peer = peer;
  // Windows resets SO_ERROR when a connection succeeds; the spec resets it only when it is read.
  if (!w.rules.soErrorClearedByRead) s.soError = null;
  // "The lpCalleeData->len will be set to zero if no user data has been passed back."
  attempt.deliverCalleeData?.(new Uint8Array(0));
  w.occur(s, FD_CONNECT, null);
  w.occur(s, FD_WRITE, null);
}

function failAttempt(w: World, s: SimSocket, error: string): void {
  const attempt = s.attempt;
  if (!attempt) return;
  attempt.outcome = { error };
  s.attempt = null;
  s.state = 'bound';
  s.remote = null;
  s.failure = { error, blocking: attempt.blocking };
  if (!attempt.blocking) s.soError = error;
  w.occur(s, FD_CONNECT, error);
}

export function failureText(error: string, target: SockAddr): string {
  switch (error) {
    case 'WSAECONNREFUSED':
      return `${formatAddr(target)} refused the connection (no listener)`;
    case 'WSAETIMEDOUT':
      return `nothing answered ${formatAddr(target)}; the attempt timed out`;
    case 'WSAENETUNREACH':
      return `${formatAddr(target)} cannot be reached`;
    default:
      return `the connection to ${formatAddr(target)} failed`;
  }
}

export { describeState };
