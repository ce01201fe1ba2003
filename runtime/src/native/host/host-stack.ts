/**
 * The `host` stack: the machine's own TCP/UDP stack through Node's net and dgram, behind the same
 * Stack interface the interpreter calls for the simulated stack. The interpreter already awaits every
 * stack call, so Node's asynchronous API is used directly (no worker thread): a blocking call is an
 * await on Node's callbacks, bounded by the run's wall-clock limit.
 */
import type { Profile } from '../../types';
import type { ConnectArgs, InBuf, NetworkEventsResult, OutBuf, PtrArg, ReceiveResult, Reply, SelectArgs, SelectResult, Stack, StackEvent } from '../../stack/stack';
import type { NetPolicy } from '../net-policy';
import { LOOPBACK_ONLY } from '../net-policy';
import { HostWorld } from './host-world';
import { release } from './node-io';
import { connectOp } from './ops-connect';
import { recvFromOp, recvOp, sendOp, sendToOp } from './ops-data';
import { asyncSelectOp, enumNetworkEventsOp, eventSelectOp, selectOp, sleepOp, waitForEventsOp } from './ops-notify';
import { getSockOptOp, ioctlOp, setSockOptOp } from './ops-options';
import { acceptOp, bindOp, closeOp, getPeerNameOp, getSockNameOp, listenOp, shutdownOp, socketOp } from './ops-socket';

export interface HostStackOptions {
  /** Recorded in results; the host has one behaviour whatever the profile. */
  profile?: Profile;
  /** Addresses traffic may go to (default: loopback only). */
  policy?: NetPolicy;
  /** Wall-clock limit of the run in ms: no wait continues past it. */
  limitMs?: number;
}

export const DEFAULT_HOST_LIMIT_MS = 10_000;

export class HostStack implements Stack {
  readonly name = 'host' as const;
  readonly profile: Profile;
  readonly world: HostWorld;

  constructor(options: HostStackOptions = {}) {
    this.profile = options.profile ?? 'spec';
    this.world = new HostWorld(options.policy ?? LOOPBACK_ONLY, options.limitMs ?? DEFAULT_HOST_LIMIT_MS);
  }

  now(): number {
    return this.world.now();
  }

  async socket(af: number, type: number, protocol: number, group: number, flags: number): Promise<Reply<number>> {
    await this.world.settle();
    return socketOp(this.world, af, type, protocol, group, flags);
  }
  async bind(s: number, name: InBuf): Promise<Reply<void>> {
    await this.world.settle();
    return bindOp(this.world, s, name);
  }
  async listen(s: number, backlog: number): Promise<Reply<void>> {
    await this.world.settle();
    return listenOp(this.world, s, backlog);
  }
  async accept(s: number, addr: OutBuf, withCondition: boolean): Promise<Reply<{ socket: number; addr: Uint8Array }>> {
    await this.world.settle();
    return acceptOp(this.world, s, addr, withCondition);
  }
  async connect(s: number, args: ConnectArgs): Promise<Reply<void>> {
    await this.world.settle();
    return connectOp(this.world, s, args);
  }
  async ioctl(s: number, code: number, input: InBuf, output: OutBuf, bytesReturned: PtrArg): Promise<Reply<Uint8Array>> {
    await this.world.settle();
    return ioctlOp(this.world, s, code, input, output, bytesReturned);
  }
  async setSockOpt(s: number, level: number, name: number, value: InBuf): Promise<Reply<void>> {
    await this.world.settle();
    return setSockOptOp(this.world, s, level, name, value);
  }
  async getSockOpt(s: number, level: number, name: number, out: OutBuf): Promise<Reply<Uint8Array>> {
    await this.world.settle();
    return getSockOptOp(this.world, s, level, name, out);
  }
  async select(args: SelectArgs): Promise<Reply<SelectResult>> {
    await this.world.settle();
    return selectOp(this.world, args);
  }
  async eventSelect(s: number, event: number, mask: number): Promise<Reply<void>> {
    await this.world.settle();
    return eventSelectOp(this.world, s, event, mask);
  }
  async enumNetworkEvents(s: number, event: number, out: PtrArg): Promise<Reply<NetworkEventsResult>> {
    await this.world.settle();
    return enumNetworkEventsOp(this.world, s, event, out);
  }
  async asyncSelect(s: number, window: number, message: number, mask: number): Promise<Reply<void>> {
    await this.world.settle();
    return asyncSelectOp(this.world, s, window, message, mask);
  }
  async getSockName(s: number, out: OutBuf): Promise<Reply<Uint8Array>> {
    await this.world.settle();
    return getSockNameOp(this.world, s, out);
  }
  async getPeerName(s: number, out: OutBuf): Promise<Reply<Uint8Array>> {
    await this.world.settle();
    return getPeerNameOp(this.world, s, out);
  }
  async send(s: number, buffers: InBuf[] | 'fault', flags: number, sent: PtrArg): Promise<Reply<number>> {
    await this.world.settle();
    return sendOp(this.world, s, buffers, flags, sent);
  }
  async recv(s: number, capacity: number | 'fault', flags: number, received: PtrArg): Promise<Reply<ReceiveResult>> {
    await this.world.settle();
    return recvOp(this.world, s, capacity, flags, received);
  }
  async sendTo(s: number, buffers: InBuf[] | 'fault', flags: number, to: InBuf, sent: PtrArg): Promise<Reply<number>> {
    await this.world.settle();
    return sendToOp(this.world, s, buffers, flags, to, sent);
  }
  async recvFrom(
    s: number,
    capacity: number | 'fault',
    flags: number,
    from: OutBuf,
    received: PtrArg,
  ): Promise<Reply<ReceiveResult & { from: Uint8Array | null }>> {
    await this.world.settle();
    return recvFromOp(this.world, s, capacity, flags, from, received);
  }
  async shutdown(s: number, how: number): Promise<Reply<void>> {
    await this.world.settle();
    return shutdownOp(this.world, s, how);
  }
  async closeSocket(s: number): Promise<Reply<void>> {
    await this.world.settle();
    return closeOp(this.world, s);
  }

  createEvent(): number {
    return this.world.allocEvent();
  }
  closeEvent(event: number): boolean {
    return this.world.events.delete(event);
  }
  setEvent(event: number): boolean {
    const ev = this.world.events.get(event);
    if (ev) ev.signalled = true;
    this.world.changed();
    return ev !== undefined;
  }
  resetEvent(event: number): boolean {
    const ev = this.world.events.get(event);
    if (ev) ev.signalled = false;
    return ev !== undefined;
  }
  async waitForEvents(events: number[], waitAll: boolean, timeoutMs: number | null): Promise<Reply<number | 'timeout'>> {
    await this.world.settle();
    return waitForEventsOp(this.world, events, waitAll, timeoutMs);
  }
  async sleep(ms: number): Promise<Reply<void>> {
    await this.world.settle();
    return sleepOp(this.world, ms);
  }

  takeEvents(): StackEvent[] {
    const out = this.world.delivered;
    this.world.delivered = [];
    return out;
  }

  /** Closes every real socket and listener; bounded so a stuck close never holds the run. */
  async dispose(): Promise<void> {
    const all = [...this.world.sockets.values()];
    for (const s of all) s.state = 'closed';
    const closing = Promise.all(all.map((s) => release(s)));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closing, new Promise<void>((r) => (timer = setTimeout(r, 1000)))]);
    clearTimeout(timer);
    this.world.sockets.clear();
  }
}
