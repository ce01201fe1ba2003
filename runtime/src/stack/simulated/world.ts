/**
 * The simulated host: its sockets, event objects, ports, clock and network, plus the helpers every
 * operation shares (replies, event delivery, readiness).
 */
import type { SockAddr } from '../../net/address';
import { isAllZero, isLoopback, sameIp } from '../../net/address';
import type { NetworkConfig } from '../../net/network';
import { hostInterface } from '../../net/network';
import { wsaValue } from '../../spec/contracts';
import { AF_INET, FD_ACCEPT, FD_CLOSE, FD_CONNECT, FD_EVENT_NAMES, FD_OOB, FD_READ, FD_WRITE } from '../../spec/winsock-constants';
import type { Profile } from '../../types';
import type { Fail, Ok, StackEvent, Stop } from '../stack';
import { Clock } from './clock';
import type { ProfileRules } from './profile';
import { PROFILE_RULES } from './profile';
import type { SimSocket, SockType } from './sim-socket';

/** What the simulated provider can do beyond plain TCP/UDP (switched on by snippet options). */
export interface ProviderCapabilities {
  /** Connect data (lpCallerData / lpCalleeData) is exchanged. */
  connectData: boolean;
  /** Any QoS flow specification can be met. */
  qos: boolean;
}

export interface WorldOptions {
  profile: Profile;
  network: NetworkConfig;
  provider: ProviderCapabilities;
}

/** Most sockets one run may hold open (WSAEMFILE beyond). */
export const MAX_SOCKETS = 256;
/** Windows caps the listen backlog (SOMAXCONN asks for "as many as reasonable"). */
export const MAX_BACKLOG = 200;
/** Largest UDP payload over IPv4. */
export const MAX_DATAGRAM = 65507;

/** Order in which events that happen together are delivered: FD_CONNECT comes before FD_WRITE. */
const DELIVERY_ORDER = [FD_CONNECT, FD_ACCEPT, FD_READ, FD_OOB, FD_WRITE, FD_CLOSE];

export class World {
  readonly profile: Profile;
  readonly rules: ProfileRules;
  readonly network: NetworkConfig;
  readonly provider: ProviderCapabilities;
  readonly clock = new Clock();
  readonly sockets = new Map<number, SimSocket>();
  readonly events = new Map<number, { signalled: boolean }>();
  delivered: StackEvent[] = [];
  private nextHandle = 0x100;
  private nextEventHandle = 0x1000;
  private nextPort = 49152;

  constructor(options: WorldOptions) {
    this.profile = options.profile;
    this.rules = PROFILE_RULES[options.profile];
    this.network = options.network;
    this.provider = options.provider;
  }

  ok<T>(value: T, detail: string): Ok<T> {
    return { ok: true, value, detail };
  }

  fail<T>(error: string, detail: string, partial?: T): Fail<T> {
    return partial === undefined ? { ok: false, error, detail } : { ok: false, error, detail, partial };
  }

  stop(message: string): Stop {
    return { ok: 'stop', message };
  }

  allocHandle(): number {
    const h = this.nextHandle;
    this.nextHandle += 4;
    return h;
  }

  allocEvent(): number {
    const h = this.nextEventHandle;
    this.nextEventHandle += 4;
    this.events.set(h, { signalled: false });
    return h;
  }

  lookup(handle: number): SimSocket | undefined {
    const s = this.sockets.get(handle);
    return s && s.state !== 'closed' ? s : undefined;
  }

  /** Every live socket, including connections still waiting in a listener's queue. */
  allSockets(): SimSocket[] {
    const out: SimSocket[] = [];
    for (const s of this.sockets.values()) {
      if (s.state === 'closed') continue;
      out.push(s, ...s.acceptQueue);
    }
    return out;
  }

  /** A free ephemeral port for this type and family. */
  allocPort(type: SockType, family: number): number {
    for (;;) {
      const port = this.nextPort++;
      if (this.nextPort > 65535) this.nextPort = 49152;
      if (!this.allSockets().some((s) => s.type === type && s.family === family && s.local?.port === port)) return port;
    }
  }

  /** The source address this host uses to reach `dest`. */
  sourceIp(dest: SockAddr): Uint8Array {
    if (isLoopback(dest.ip)) return Uint8Array.from(dest.ip);
    return Uint8Array.from(hostInterface(this.network, dest.family === AF_INET).ip);
  }

  /** The bound address made concrete for traffic to `dest` (a wildcard bind takes the source address). */
  concreteLocal(s: SimSocket, dest: SockAddr): SockAddr {
    const local = s.local as SockAddr;
    return isAllZero(local.ip) ? { ...local, ip: this.sourceIp(dest) } : local;
  }

  /** A nominated event is recorded or posted; otherwise the windows profile keeps it for later. */
  occur(s: SimSocket, bit: number, error: string | null): void {
    if (s.notify.mode !== 'none' && (s.notify.mask & bit) !== 0) this.deliver(s, bit, error);
    else if (this.rules.reportsEventsBeforeSelection) s.latent.set(bit, error);
  }

  deliver(s: SimSocket, bit: number, error: string | null): void {
    s.latent.delete(bit);
    if (s.notify.mode === 'event') {
      s.record.set(bit, error === null ? 0 : wsaValue(error));
      const ev = this.events.get(s.notify.event);
      if (ev) ev.signalled = true;
    }
    if (bit === FD_READ) s.readSignalled = true;
    this.delivered.push({ socket: s.handle, event: eventName(bit), error });
  }

  /** Delivers several events in the documented order (FD_CONNECT before FD_WRITE). */
  deliverAll(s: SimSocket, events: Map<number, string | null>): void {
    for (const bit of DELIVERY_ORDER) if (events.has(bit)) this.deliver(s, bit, events.get(bit) ?? null);
  }

  readable(s: SimSocket): boolean {
    if (s.state === 'listening') return s.acceptQueue.length > 0;
    if (s.type === 'dgram') return s.datagrams.length > 0 || s.icmpReset;
    return s.state === 'connected' && (s.inbound.length > 0 || s.eof || s.broken !== null);
  }

  writable(s: SimSocket): boolean {
    if (s.type === 'dgram') return !s.shutSend;
    return s.state === 'connected' && !s.shutSend && s.broken === null;
  }

  exceptional(s: SimSocket): boolean {
    return s.failure !== null && (!s.failure.blocking || this.rules.exceptfdsAfterBlockingFailure);
  }

  /** True when the two addresses can both own the same port (same address, or one is the wildcard). */
  overlaps(a: SockAddr, b: SockAddr): boolean {
    return a.family === b.family && a.port === b.port && (sameIp(a.ip, b.ip) || isAllZero(a.ip) || isAllZero(b.ip));
  }
}

export function eventName(bit: number): string {
  const i = Math.log2(bit);
  return FD_EVENT_NAMES[i] ?? `FD_0x${bit.toString(16)}`;
}
