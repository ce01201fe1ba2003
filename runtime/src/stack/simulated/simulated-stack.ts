/**
 * The simulated Winsock stack: deterministic, with virtual time, behaving as the reference pages say
 * (profile `spec`) or as current Windows is observed to (profile `windows`, see ./profile.ts).
 */
import type { NetworkConfig } from '../../net/network';
import { defaultNetwork } from '../../net/network';
import type { Profile } from '../../types';
import type { ConnectArgs, InBuf, NetworkEventsResult, OutBuf, PtrArg, ReceiveResult, Reply, SelectArgs, SelectResult, Stack, StackEvent } from '../stack';
import { acceptOp, bindOp, getPeerNameOp, getSockNameOp, listenOp } from './ops-bind';
import { connectOp } from './ops-connect';
import { recvFromOp, recvOp, sendOp, sendToOp } from './ops-data';
import { asyncSelectOp, enumNetworkEventsOp, eventSelectOp, selectOp, sleepOp, waitForEventsOp } from './ops-notify';
import { getSockOptOp, ioctlOp, setSockOptOp } from './ops-options';
import { closeOp, shutdownOp, socketOp } from './ops-socket';
import type { ProviderCapabilities } from './world';
import { World } from './world';

export interface SimulatedStackOptions {
  profile?: Profile;
  network?: NetworkConfig;
  provider?: Partial<ProviderCapabilities>;
}

export class SimulatedStack implements Stack {
  readonly name = 'simulated' as const;
  readonly profile: Profile;
  /** Exposed for tests that inspect the simulated host. */
  readonly world: World;

  constructor(options: SimulatedStackOptions = {}) {
    this.profile = options.profile ?? 'spec';
    this.world = new World({
      profile: this.profile,
      network: options.network ?? defaultNetwork(),
      provider: { connectData: false, qos: false, ...options.provider },
    });
  }

  now(): number {
    return this.world.clock.now();
  }

  async socket(af: number, type: number, protocol: number, group: number): Promise<Reply<number>> {
    return socketOp(this.world, af, type, protocol, group);
  }
  async bind(s: number, name: InBuf): Promise<Reply<void>> {
    return bindOp(this.world, s, name);
  }
  async listen(s: number, backlog: number): Promise<Reply<void>> {
    return listenOp(this.world, s, backlog);
  }
  async accept(s: number, addr: OutBuf, withCondition: boolean): Promise<Reply<{ socket: number; addr: Uint8Array }>> {
    return acceptOp(this.world, s, addr, withCondition);
  }
  async connect(s: number, args: ConnectArgs): Promise<Reply<void>> {
    return connectOp(this.world, s, args);
  }
  async ioctl(s: number, code: number, input: InBuf, output: OutBuf, bytesReturned: PtrArg): Promise<Reply<Uint8Array>> {
    return ioctlOp(this.world, s, code, input, output, bytesReturned);
  }
  async setSockOpt(s: number, level: number, name: number, value: InBuf): Promise<Reply<void>> {
    return setSockOptOp(this.world, s, level, name, value);
  }
  async getSockOpt(s: number, level: number, name: number, out: OutBuf): Promise<Reply<Uint8Array>> {
    return getSockOptOp(this.world, s, level, name, out);
  }
  async select(args: SelectArgs): Promise<Reply<SelectResult>> {
    return selectOp(this.world, args);
  }
  async eventSelect(s: number, event: number, mask: number): Promise<Reply<void>> {
    return eventSelectOp(this.world, s, event, mask);
  }
  async enumNetworkEvents(s: number, event: number, out: PtrArg): Promise<Reply<NetworkEventsResult>> {
    return enumNetworkEventsOp(this.world, s, event, out);
  }
  async asyncSelect(s: number, window: number, message: number, mask: number): Promise<Reply<void>> {
    return asyncSelectOp(this.world, s, window, message, mask);
  }
  async getSockName(s: number, out: OutBuf): Promise<Reply<Uint8Array>> {
    return getSockNameOp(this.world, s, out);
  }
  async getPeerName(s: number, out: OutBuf): Promise<Reply<Uint8Array>> {
    return getPeerNameOp(this.world, s, out);
  }
  async send(s: number, buffers: InBuf[] | 'fault', flags: number, sent: PtrArg): Promise<Reply<number>> {
    return sendOp(this.world, s, buffers, flags, sent);
  }
  async recv(s: number, capacity: number | 'fault', flags: number, received: PtrArg): Promise<Reply<ReceiveResult>> {
    return recvOp(this.world, s, capacity, flags, received);
  }
  async sendTo(s: number, buffers: InBuf[] | 'fault', flags: number, to: InBuf, sent: PtrArg): Promise<Reply<number>> {
    return sendToOp(this.world, s, buffers, flags, to, sent);
  }
  async recvFrom(
    s: number,
    capacity: number | 'fault',
    flags: number,
    from: OutBuf,
    received: PtrArg,
  ): Promise<Reply<ReceiveResult & { from: Uint8Array | null }>> {
    return recvFromOp(this.world, s, capacity, flags, from, received);
  }
  async shutdown(s: number, how: number): Promise<Reply<void>> {
    return shutdownOp(this.world, s, how);
  }
  async closeSocket(s: number): Promise<Reply<void>> {
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
    return ev !== undefined;
  }
  resetEvent(event: number): boolean {
    const ev = this.world.events.get(event);
    if (ev) ev.signalled = false;
    return ev !== undefined;
  }
  async waitForEvents(events: number[], waitAll: boolean, timeoutMs: number | null): Promise<Reply<number | 'timeout'>> {
    return waitForEventsOp(this.world, events, waitAll, timeoutMs);
  }
  async sleep(ms: number): Promise<Reply<void>> {
    return sleepOp(this.world, ms);
  }

  takeEvents(): StackEvent[] {
    const out = this.world.delivered;
    this.world.delivered = [];
    return out;
  }

  async dispose(): Promise<void> {
    this.world.sockets.clear();
  }
}
