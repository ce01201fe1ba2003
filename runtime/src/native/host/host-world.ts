/**
 * The state one host-stack run shares: its sockets and event objects, the network policy, the run's
 * wall-clock deadline, and the one mechanism every wait uses: Node's socket callbacks call `changed()`,
 * and a wait re-checks its condition each time until it holds, its own timeout passes, or the run's
 * deadline does.
 */
import { wsaValue } from '../../spec/contracts';
import { FD_ACCEPT, FD_CLOSE, FD_CONNECT, FD_EVENT_NAMES, FD_OOB, FD_READ, FD_WRITE } from '../../spec/winsock-constants';
import type { Fail, Ok, StackEvent, Stop } from '../../stack/stack';
import type { NetPolicy } from '../net-policy';
import type { HostSocket } from './host-socket';

/** Prefix of every detail that says the host cannot express what the snippet asked for. */
export const NOT_EXPRESSIBLE = 'not expressible on host';

/** FD_CONNECT comes before FD_WRITE when both happen at once, as the SPI pages order them. */
const DELIVERY_ORDER = [FD_CONNECT, FD_ACCEPT, FD_READ, FD_OOB, FD_WRITE, FD_CLOSE];

export type WaitOutcome = 'ready' | 'timeout' | 'deadline';

export class HostWorld {
  readonly sockets = new Map<number, HostSocket>();
  readonly events = new Map<number, { signalled: boolean }>();
  delivered: StackEvent[] = [];
  readonly started = Date.now();
  /** Wall-clock time (Date.now()) after which no wait may continue. */
  readonly deadline: number;
  private nextHandle = 0x100;
  private nextEventHandle = 0x1000;
  private waiters = new Set<() => void>();

  constructor(
    readonly policy: NetPolicy,
    readonly limitMs: number,
  ) {
    this.deadline = this.started + limitMs;
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

  /** The Stop a wait that reached the run's wall-clock limit ends with. */
  deadlineStop(what: string): Stop {
    return this.stop(`${what} was still waiting when the run's wall-clock limit (${this.limitMs} ms) passed`);
  }

  /**
   * Lets Node deliver what the OS already has: a kernel hands a loopback datagram or connection over
   * at once, but Node reports it on a later turn of its event loop. Two turns (each polls for I/O)
   * before every call make the host stack see what a synchronous stack would.
   */
  async settle(): Promise<void> {
    await new Promise<void>((r) => setImmediate(r));
    await new Promise<void>((r) => setImmediate(r));
  }

  now(): number {
    return Date.now() - this.started;
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

  lookup(handle: number): HostSocket | undefined {
    const s = this.sockets.get(handle);
    return s && s.state !== 'closed' ? s : undefined;
  }

  /** Something happened on a Node object: every wait re-checks its condition. */
  changed(): void {
    for (const w of [...this.waiters]) w();
  }

  /**
   * Waits until `ready()` holds, `timeoutMs` passes (null: no timeout of its own) or the run's
   * deadline passes. The condition is checked first, so a wait for something already true is free.
   */
  waitUntil(ready: () => boolean, timeoutMs: number | null): Promise<WaitOutcome> {
    if (ready()) return Promise.resolve('ready');
    const start = Date.now();
    const own = timeoutMs === null ? Infinity : start + Math.max(0, timeoutMs);
    const end = Math.min(own, this.deadline);
    if (end <= start) return Promise.resolve(own <= this.deadline ? 'timeout' : 'deadline');
    return new Promise((resolve) => {
      const finish = (outcome: WaitOutcome): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(outcome);
      };
      const check = (): void => {
        if (ready()) finish('ready');
      };
      const timer = setTimeout(() => finish(ready() ? 'ready' : own <= this.deadline ? 'timeout' : 'deadline'), end - start);
      this.waiters.add(check);
    });
  }

  /** Records or posts an event the socket's selection asked for; others are not remembered. */
  occur(s: HostSocket, bit: number, error: string | null): void {
    if (s.notify.mode === 'none' || (s.notify.mask & bit) === 0 || s.handle === 0) return;
    if (bit === FD_READ) {
      // "FD_READ ... re-enabling function: recv": one report until the data is read.
      if (s.readReported) return;
      s.readReported = true;
    }
    if (s.notify.mode === 'event') {
      s.record.set(bit, error === null ? 0 : wsaValue(error));
      const ev = this.events.get(s.notify.event);
      if (ev) ev.signalled = true;
    }
    this.delivered.push({ socket: s.handle, event: eventName(bit), error });
    this.changed();
  }

  occurAll(s: HostSocket, bits: Map<number, string | null>): void {
    for (const bit of DELIVERY_ORDER) if (bits.has(bit)) this.occur(s, bit, bits.get(bit) ?? null);
  }
}

export function eventName(bit: number): string {
  return FD_EVENT_NAMES[Math.log2(bit)] ?? `FD_0x${bit.toString(16)}`;
}
