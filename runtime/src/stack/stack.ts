/**
 * The interface between the snippet interpreter and a socket stack. The simulated stack implements it
 * now; a host stack (Node net/dgram) can implement it later. A stack never sees C memory: the
 * interpreter reads the snippet's buffers into these argument shapes and writes the reply back, so a
 * stack decides results the way a provider does (from the bytes and lengths it was given) and reports
 * them as WSA error names.
 *
 * Stacks that run a whole snippet at once (the Winsock stack, which compiles it) implement
 * SnippetRunner (../runner.ts) instead; both produce the same SnippetResult.
 */
import type { Profile, StackName } from '../types';

/** A caller-supplied input buffer: a NULL pointer, a pointer outside the snippet's memory, or its bytes. */
export type InBuf = { kind: 'null' } | { kind: 'fault' } | { kind: 'bytes'; bytes: Uint8Array };

/** A caller-supplied output buffer: NULL, invalid, or writable with `capacity` bytes. */
export type OutBuf = { kind: 'null' } | { kind: 'fault' } | { kind: 'buffer'; capacity: number };

/** A pointer argument the stack only needs to know is usable (lpErrno-like counters, lpcbBytesReturned). */
export type PtrArg = 'null' | 'fault' | 'ok';

export interface Ok<T> {
  ok: true;
  value: T;
  /** Why, in words (shown beside the call). */
  detail: string;
}

export interface Fail<T> {
  ok: false;
  /** WSA error name, e.g. `WSAEWOULDBLOCK`. */
  error: string;
  detail: string;
  /** Data that still comes back with the failure (a truncated datagram with WSAEMSGSIZE). */
  partial?: T;
}

/** The run cannot continue: a blocking call would wait forever, or the stack cannot express the request. */
export interface Stop {
  ok: 'stop';
  message: string;
}

export type Reply<T> = Ok<T> | Fail<T> | Stop;

export interface FlowSpecArg {
  tokenRate: number;
  peakBandwidth: number;
  serviceType: number;
}

export type QosArg =
  | { kind: 'null' }
  | { kind: 'fault' }
  | { kind: 'qos'; sending: FlowSpecArg; receiving: FlowSpecArg; providerSpecificLength: number };

export interface ConnectArgs {
  name: InBuf;
  /** lpCallerData: NULL, invalid, or the `len` bytes it points at. */
  callerData: InBuf;
  /**
   * lpCalleeData: the stack calls `deliver` with the data the peer passed back (possibly empty) when
   * it becomes valid: on return for a blocking connect, at FD_CONNECT time for a nonblocking one.
   */
  calleeData: { kind: 'null' } | { kind: 'fault' } | { kind: 'buffer'; capacity: number; deliver: (data: Uint8Array) => void };
  sqos: QosArg;
  /** lpGQOS is reserved: only whether it was given. */
  gqos: 'null' | 'given';
}

export interface SelectArgs {
  /** Socket handles in each fd_set; null for a NULL set, 'fault' for an unreadable one. */
  read: number[] | null | 'fault';
  write: number[] | null | 'fault';
  except: number[] | null | 'fault';
  /** null waits forever; 'fault' for an unreadable timeval; negative fields are invalid. */
  timeout: { sec: number; usec: number } | null | 'fault';
}

export interface SelectResult {
  read: number[];
  write: number[];
  except: number[];
}

export interface NetworkEventsResult {
  /** FD_* bits that occurred. */
  events: number;
  /** iErrorCode, indexed by FD_*_BIT; only entries whose bit is set are meaningful. */
  errors: number[];
}

export interface ReceiveResult {
  data: Uint8Array;
  /** Flags to write back through lpFlags (MSG_PARTIAL...). */
  flags: number;
}

/** A network event delivered to the snippet (recorded for WSPEventSelect or posted for WSPAsyncSelect). */
export interface StackEvent {
  socket: number;
  event: string;
  error: string | null;
}

export interface Stack {
  readonly name: StackName;
  readonly profile: Profile;
  /** Virtual (or real) milliseconds since the run started. */
  now(): number;

  socket(af: number, type: number, protocol: number, group: number, flags: number): Promise<Reply<number>>;
  bind(s: number, name: InBuf): Promise<Reply<void>>;
  listen(s: number, backlog: number): Promise<Reply<void>>;
  accept(s: number, addr: OutBuf, withCondition: boolean): Promise<Reply<{ socket: number; addr: Uint8Array }>>;
  connect(s: number, args: ConnectArgs): Promise<Reply<void>>;
  ioctl(s: number, code: number, input: InBuf, output: OutBuf, bytesReturned: PtrArg): Promise<Reply<Uint8Array>>;
  setSockOpt(s: number, level: number, name: number, value: InBuf): Promise<Reply<void>>;
  getSockOpt(s: number, level: number, name: number, out: OutBuf): Promise<Reply<Uint8Array>>;
  select(args: SelectArgs): Promise<Reply<SelectResult>>;
  eventSelect(s: number, event: number, mask: number): Promise<Reply<void>>;
  enumNetworkEvents(s: number, event: number, out: PtrArg): Promise<Reply<NetworkEventsResult>>;
  asyncSelect(s: number, window: number, message: number, mask: number): Promise<Reply<void>>;
  getSockName(s: number, out: OutBuf): Promise<Reply<Uint8Array>>;
  getPeerName(s: number, out: OutBuf): Promise<Reply<Uint8Array>>;
  send(s: number, buffers: InBuf[] | 'fault', flags: number, sent: PtrArg): Promise<Reply<number>>;
  recv(s: number, capacity: number | 'fault', flags: number, received: PtrArg): Promise<Reply<ReceiveResult>>;
  sendTo(s: number, buffers: InBuf[] | 'fault', flags: number, to: InBuf, sent: PtrArg): Promise<Reply<number>>;
  recvFrom(
    s: number,
    capacity: number | 'fault',
    flags: number,
    from: OutBuf,
    received: PtrArg,
  ): Promise<Reply<ReceiveResult & { from: Uint8Array | null }>>;
  shutdown(s: number, how: number): Promise<Reply<void>>;
  closeSocket(s: number): Promise<Reply<void>>;

  /** Event objects (WSACreateEvent...): handles in their own namespace. */
  createEvent(): number;
  closeEvent(event: number): boolean;
  setEvent(event: number): boolean;
  resetEvent(event: number): boolean;
  /** Index of the signalled event, or 'timeout'; null timeout waits forever. */
  waitForEvents(events: number[], waitAll: boolean, timeoutMs: number | null): Promise<Reply<number | 'timeout'>>;
  sleep(ms: number): Promise<Reply<void>>;

  /** Events delivered since the last call (the interpreter stamps them with the current line). */
  takeEvents(): StackEvent[];
  /** Release everything (native stacks close real sockets). */
  dispose(): Promise<void>;
}
