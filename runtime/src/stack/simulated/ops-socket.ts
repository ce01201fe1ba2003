/** WSPSocket, WSPShutdown, WSPCloseSocket. */
import { AF_INET, AF_INET6, FD_CLOSE, IPPROTO_IP, IPPROTO_TCP, IPPROTO_UDP, SD_BOTH, SD_RECEIVE, SD_SEND, SOCK_DGRAM, SOCK_STREAM } from '../../spec/winsock-constants';
import type { Reply } from '../stack';
import type { SimSocket } from './sim-socket';
import { describeState, newSocket } from './sim-socket';
import type { World } from './world';
import { MAX_SOCKETS } from './world';

export function socketOp(w: World, af: number, type: number, protocol: number, group: number): Reply<number> {
  if (af !== AF_INET && af !== AF_INET6) return w.fail('WSAEAFNOSUPPORT', `address family ${af} is not supported (AF_INET or AF_INET6)`);
  if (type !== SOCK_STREAM && type !== SOCK_DGRAM) return w.fail('WSAESOCKTNOSUPPORT', `socket type ${type} is not supported (SOCK_STREAM or SOCK_DGRAM)`);
  if (protocol !== IPPROTO_IP && protocol !== IPPROTO_TCP && protocol !== IPPROTO_UDP) {
    return w.fail('WSAEPROTONOSUPPORT', `protocol ${protocol} is not supported`);
  }
  const wrongType = (type === SOCK_STREAM && protocol === IPPROTO_UDP) || (type === SOCK_DGRAM && protocol === IPPROTO_TCP);
  if (wrongType) return w.fail('WSAEPROTOTYPE', `protocol ${protocol} is the wrong type for socket type ${type}`);
  // Socket groups are not provided: "Parameter g specified is not valid."
  if (group !== 0) return w.fail('WSAEINVAL', `socket groups are not supported (g = ${group})`);
  const open = [...w.sockets.values()].filter((s) => s.state !== 'closed').length;
  if (open >= MAX_SOCKETS) return w.fail('WSAEMFILE', `no more socket descriptors (${MAX_SOCKETS} open)`);
  const s = newSocket(w.allocHandle(), af, type === SOCK_STREAM ? 'stream' : 'dgram', protocol);
  w.sockets.set(s.handle, s);
  return w.ok(s.handle, `new ${s.type === 'stream' ? 'stream' : 'datagram'} socket ${s.handle}, blocking, unbound`);
}

export function shutdownOp(w: World, handle: number, how: number): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (how !== SD_RECEIVE && how !== SD_SEND && how !== SD_BOTH) return w.fail('WSAEINVAL', `how = ${how} is not SD_RECEIVE, SD_SEND or SD_BOTH`);
  if (s.type === 'stream' && s.state !== 'connected') return w.fail('WSAENOTCONN', `${describeState(s)}: nothing to shut down`);
  if (how !== SD_SEND) s.shutRecv = true;
  if (how !== SD_RECEIVE && !s.shutSend) {
    s.shutSend = true;
    if (s.peer?.kind === 'local') {
      s.peer.socket.eof = true;
      w.occur(s.peer.socket, FD_CLOSE, null);
    }
  }
  return w.ok(undefined, `socket ${handle}: ${how === SD_BOTH ? 'both directions' : how === SD_SEND ? 'sending' : 'receiving'} shut down`);
}

export function closeOp(w: World, handle: number): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket (never opened, or already closed)`);
  // "If SO_LINGER is enabled with a nonzero time-out with a nonblocking socket, LPWSPCloseSocket returns
  // immediately, thus indicating failure."
  if (s.options.lingerOn && s.options.lingerSeconds > 0 && s.nonblocking) {
    return w.fail('WSAEWOULDBLOCK', 'nonblocking socket with SO_LINGER set to a nonzero time-out: the close cannot complete now; the socket stays open');
  }
  const abortive = (s.options.lingerOn && s.options.lingerSeconds === 0) || s.inbound.length > 0;
  teardown(w, s, abortive);
  return w.ok(undefined, `socket ${handle} closed${abortive ? ' abortively (reset sent to the peer)' : ''}`);
}

/** Closes a socket and tells whoever is connected to it. */
export function teardown(w: World, s: SimSocket, abortive: boolean): void {
  if (s.attempt?.timer) w.clock.cancel(s.attempt.timer);
  s.attempt = null;
  for (const pending of s.acceptQueue) {
    // Connections never accepted are reset when the listener goes away.
    const client = pending.peer?.kind === 'local' ? pending.peer.socket : null;
    if (client) breakConnection(w, client, 'WSAECONNRESET');
  }
  s.acceptQueue = [];
  if (s.type === 'stream' && s.state === 'connected' && s.peer?.kind === 'local') {
    const other = s.peer.socket;
    if (abortive) {
      if (other.handle === 0) other.abortedBeforeAccept = true;
      breakConnection(w, other, 'WSAECONNRESET');
    } else if (!other.eof) {
      other.eof = true;
      w.occur(other, FD_CLOSE, null);
    }
  }
  s.state = 'closed';
  w.sockets.delete(s.handle);
}

export function breakConnection(w: World, s: SimSocket, error: string): void {
  if (s.broken !== null) return;
  s.broken = error;
  w.occur(s, FD_CLOSE, error);
}
