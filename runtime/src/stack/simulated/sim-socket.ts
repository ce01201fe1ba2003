/** The full state of one simulated socket. */
import type { SockAddr } from '../../net/address';
import type { Timer } from './clock';

export type SockType = 'stream' | 'dgram';

/** `failed` is not a state: a socket whose connect failed is `bound` with `failure` set. */
export type SockState = 'open' | 'bound' | 'listening' | 'connecting' | 'connected' | 'closed';

export type Notify =
  | { mode: 'none' }
  | { mode: 'event'; mask: number; event: number }
  | { mode: 'async'; mask: number; window: number; message: number };

export interface ConnectAttempt {
  target: SockAddr;
  blocking: boolean;
  timer: Timer | null;
  /** Set when the outcome is known: null error for success. */
  outcome: { error: string | null } | null;
  deliverCalleeData: ((data: Uint8Array) => void) | null;
}

export interface SocketOptions {
  broadcast: boolean;
  reuseAddr: boolean;
  keepAlive: boolean;
  oobInline: boolean;
  noDelay: boolean;
  lingerOn: boolean;
  lingerSeconds: number;
  rcvBuf: number;
  sndBuf: number;
  sndTimeo: number;
  rcvTimeo: number;
}

export interface Datagram {
  from: SockAddr;
  data: Uint8Array;
}

/** The other end of a stream connection. */
export type Peer = { kind: 'local'; socket: SimSocket } | { kind: 'remote'; addr: SockAddr };

export interface SimSocket {
  /** 0 for a connection still waiting in a listener's queue (it gets a handle at accept). */
  handle: number;
  family: number;
  type: SockType;
  protocol: number;
  nonblocking: boolean;
  state: SockState;
  /** Bound address; may be the wildcard address. */
  local: SockAddr | null;
  /** Peer of a stream socket, default destination of a datagram socket. */
  remote: SockAddr | null;
  peer: Peer | null;
  options: SocketOptions;
  /** Pending SO_ERROR value (WSA name). */
  soError: string | null;
  attempt: ConnectAttempt | null;
  /** The last connect failed (select's exceptfds); cleared by the next connect. */
  failure: { error: string; blocking: boolean } | null;
  backlog: number;
  acceptQueue: SimSocket[];
  /** Stream bytes received and not read yet. */
  inbound: number[];
  datagrams: Datagram[];
  /** The peer shut down its sending side or closed gracefully. */
  eof: boolean;
  /** The connection was reset or aborted: the WSA code later calls report. */
  broken: string | null;
  /** Closed abortively while still waiting in a listener's queue. */
  abortedBeforeAccept: boolean;
  /** An ICMP port unreachable came back for a datagram this socket sent. */
  icmpReset: boolean;
  shutSend: boolean;
  shutRecv: boolean;
  notify: Notify;
  /** WSPEventSelect's internal network event record: FD bit -> error value. */
  record: Map<number, number>;
  /** Events that happened while nobody had nominated them (windows profile reports them later). */
  latent: Map<number, string | null>;
  /** FD_READ already signalled and not re-enabled by a receive yet. */
  readSignalled: boolean;
}

export function defaultOptions(): SocketOptions {
  return {
    broadcast: false,
    reuseAddr: false,
    keepAlive: false,
    oobInline: false,
    noDelay: false,
    lingerOn: false,
    lingerSeconds: 0,
    rcvBuf: 65536,
    sndBuf: 65536,
    sndTimeo: 0,
    rcvTimeo: 0,
  };
}

export function newSocket(handle: number, family: number, type: SockType, protocol: number): SimSocket {
  return {
    handle,
    family,
    type,
    protocol,
    nonblocking: false,
    state: 'open',
    local: null,
    remote: null,
    peer: null,
    options: defaultOptions(),
    soError: null,
    attempt: null,
    failure: null,
    backlog: 0,
    acceptQueue: [],
    inbound: [],
    datagrams: [],
    eof: false,
    broken: null,
    abortedBeforeAccept: false,
    icmpReset: false,
    shutSend: false,
    shutRecv: false,
    notify: { mode: 'none' },
    record: new Map(),
    latent: new Map(),
    readSignalled: false,
  };
}

export function describeState(s: SimSocket): string {
  const kind = s.type === 'stream' ? 'stream' : 'datagram';
  const failed = s.failure ? ` (last connect failed: ${s.failure.error})` : '';
  return `${kind} socket ${s.handle} is ${s.state}${failed}`;
}
