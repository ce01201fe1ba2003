/**
 * One socket of the host stack: the Winsock-visible state the snippet expects (blocking mode, event
 * selection, the last connect failure) kept beside the Node object that carries the real traffic.
 * Node creates its objects late (a stream socket exists only once it connects or listens), so the
 * handle exists from WSPSocket on and the Node object is attached when the OS is first involved.
 */
import type { Socket as DgramSocket } from 'node:dgram';
import type { Server, Socket as TcpSocket } from 'node:net';
import type { SockAddr } from '../../net/address';
import { formatAddr } from '../../net/address';

export type HostSockType = 'stream' | 'dgram';

export type HostState = 'open' | 'bound' | 'listening' | 'connecting' | 'connected' | 'closed';

export type HostNotify =
  | { mode: 'none' }
  | { mode: 'event'; mask: number; event: number }
  | { mode: 'async'; mask: number; window: number; message: number };

export interface HostOptions {
  broadcast: boolean;
  reuseAddr: boolean;
  keepAlive: boolean;
  noDelay: boolean;
}

export interface HostDatagram {
  from: SockAddr;
  data: Uint8Array;
}

export interface HostSocket {
  /** 0 while a connection waits in a listener's queue (it gets a handle at accept). */
  handle: number;
  family: number;
  type: HostSockType;
  protocol: number;
  nonblocking: boolean;
  state: HostState;
  /** The bound address (as the snippet asked for it, port made concrete). */
  local: SockAddr | null;
  /** Peer of a stream socket, default destination of a datagram socket. */
  remote: SockAddr | null;
  options: HostOptions;
  /** Pending SO_ERROR (WSA name) of a failed nonblocking connect. */
  soError: string | null;
  /** The last nonblocking connect failed (select's exceptfds) until the next connect. */
  failure: string | null;
  /** A connect attempt's outcome once known: null error for success. */
  outcome: { error: string | null; detail: string } | null;
  tcp: TcpSocket | null;
  server: Server | null;
  udp: DgramSocket | null;
  acceptQueue: HostSocket[];
  inbound: Uint8Array[];
  datagrams: HostDatagram[];
  /** The peer finished sending (FIN). */
  eof: boolean;
  /** The connection broke: the WSA code later calls report. */
  broken: string | null;
  shutSend: boolean;
  shutRecv: boolean;
  notify: HostNotify;
  /** WSPEventSelect's network event record: FD bit -> error value. */
  record: Map<number, number>;
  /** FD_READ was reported and no receive has re-enabled it yet. */
  readReported: boolean;
}

export function newHostSocket(family: number, type: HostSockType, protocol: number): HostSocket {
  return {
    handle: 0,
    family,
    type,
    protocol,
    nonblocking: false,
    state: 'open',
    local: null,
    remote: null,
    options: { broadcast: false, reuseAddr: false, keepAlive: false, noDelay: false },
    soError: null,
    failure: null,
    outcome: null,
    tcp: null,
    server: null,
    udp: null,
    acceptQueue: [],
    inbound: [],
    datagrams: [],
    eof: false,
    broken: null,
    shutSend: false,
    shutRecv: false,
    notify: { mode: 'none' },
    record: new Map(),
    readReported: false,
  };
}

export function describeHostSocket(s: HostSocket): string {
  const kind = s.type === 'stream' ? 'stream' : 'datagram';
  const where = s.local ? ` on ${formatAddr(s.local)}` : '';
  return `${kind} socket ${s.handle} is ${s.state}${where}`;
}

export function inboundBytes(s: HostSocket): number {
  return s.inbound.reduce((n, b) => n + b.length, 0);
}
