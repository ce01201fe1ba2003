/**
 * Notification on the host: WSPSelect and the event waits become waits on Node's callbacks with a
 * real timeout; WSPEventSelect / WSPEnumNetworkEvents / WSPAsyncSelect keep the event record the SPI
 * pages describe, fed by those callbacks.
 */
import { FD_MAX_EVENTS } from '../../spec/winsock-constants';
import type { NetworkEventsResult, PtrArg, Reply, SelectArgs, SelectResult } from '../../stack/stack';
import type { HostSocket } from './host-socket';
import type { HostWorld } from './host-world';
import { eventName } from './host-world';

function readable(s: HostSocket): boolean {
  if (s.state === 'listening') return s.acceptQueue.length > 0;
  if (s.type === 'dgram') return s.datagrams.length > 0 || s.broken !== null;
  return s.state === 'connected' && (s.inbound.length > 0 || s.eof || s.broken !== null);
}

function writable(s: HostSocket): boolean {
  if (s.type === 'dgram') return !s.shutSend;
  return s.state === 'connected' && !s.shutSend && s.broken === null;
}

export async function selectOp(w: HostWorld, args: SelectArgs): Promise<Reply<SelectResult>> {
  const sets = [args.read, args.write, args.except];
  if (sets.some((x) => x === 'fault') || args.timeout === 'fault') {
    return w.fail('WSAEFAULT', 'a descriptor set or the timeval is not part of the user address space');
  }
  const [read, write, except] = sets.map((x) => (x === 'fault' ? null : x));
  if ([read, write, except].every((x) => x === null || x.length === 0)) return w.fail('WSAEINVAL', 'no descriptor set contains a socket');
  const timeout = args.timeout as { sec: number; usec: number } | null;
  if (timeout !== null && (timeout.sec < 0 || timeout.usec < 0)) return w.fail('WSAEINVAL', 'the timeout value is not valid');
  for (const h of [...(read ?? []), ...(write ?? []), ...(except ?? [])]) {
    if (!w.lookup(h)) return w.fail('WSAENOTSOCK', `${h} in a descriptor set is not a socket`);
  }
  const pick = (set: number[] | null, test: (s: HostSocket) => boolean): number[] =>
    set === null ? [] : [...new Set(set)].filter((h) => {
      const s = w.lookup(h);
      return s !== undefined && test(s);
    });
  const compute = (): SelectResult => ({
    read: pick(read, readable),
    write: pick(write, writable),
    except: pick(except, (s) => s.failure !== null),
  });
  const count = (r: SelectResult): number => r.read.length + r.write.length + r.except.length;
  const ms = timeout === null ? null : timeout.sec * 1000 + timeout.usec / 1000;
  const outcome = await w.waitUntil(() => count(compute()) > 0, ms);
  if (outcome === 'deadline') return w.deadlineStop('select');
  const result = compute();
  const parts = [
    result.read.length ? `readfds: ${result.read.join(', ')}` : '',
    result.write.length ? `writefds: ${result.write.join(', ')}` : '',
    result.except.length ? `exceptfds: ${result.except.join(', ')}` : '',
  ].filter((p) => p !== '');
  return w.ok(result, `${parts.length ? parts.join('; ') : 'timed out'} (t=${w.now()}ms)`);
}

/**
 * A new selection records what happens from now on, as the SPI pages describe; a condition that
 * already holds is not reported again (FD_CONNECT and FD_WRITE come once per connection).
 */
function select(w: HostWorld, s: HostSocket, notify: HostSocket['notify']): void {
  s.nonblocking = true;
  s.record.clear();
  s.readReported = false;
  s.notify = notify;
}

export function eventSelectOp(w: HostWorld, handle: number, event: number, mask: number): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (mask !== 0 && !w.events.has(event)) return w.fail('WSAEINVAL', `hEventObject ${event} is not an event object`);
  select(w, s, mask === 0 ? { mode: 'none' } : { mode: 'event', mask, event });
  if (mask === 0) return w.ok(undefined, `event selection on socket ${handle} cancelled`);
  return w.ok(undefined, `socket ${handle} records network events into event ${event}; now nonblocking`);
}

export function asyncSelectOp(w: HostWorld, handle: number, window: number, message: number, mask: number): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (mask !== 0 && window === 0) return w.fail('WSAEINVAL', 'hWnd is NULL');
  select(w, s, mask === 0 ? { mode: 'none' } : { mode: 'async', mask, window, message });
  if (mask === 0) return w.ok(undefined, `message notification on socket ${handle} cancelled`);
  return w.ok(undefined, `socket ${handle} posts network events as message ${message}; now nonblocking`);
}

export function enumNetworkEventsOp(w: HostWorld, handle: number, event: number, out: PtrArg): Reply<NetworkEventsResult> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (out !== 'ok') return w.fail('WSAEINVAL', 'lpNetworkEvents is not valid');
  if (event !== 0 && !w.events.has(event)) return w.fail('WSAEINVAL', `hEventObject ${event} is not an event object`);
  let events = 0;
  const errors = new Array<number>(FD_MAX_EVENTS).fill(0);
  for (const [bit, code] of s.record) {
    events |= bit;
    errors[Math.log2(bit)] = code;
  }
  s.record.clear();
  const ev = w.events.get(event);
  if (ev) ev.signalled = false;
  const names = [...Array(FD_MAX_EVENTS).keys()].filter((i) => events & (1 << i)).map((i) => eventName(1 << i) + (errors[i] ? `(${errors[i]})` : ''));
  return w.ok({ events, errors }, names.length ? `occurred: ${names.join(' | ')}` : 'no network event recorded');
}

export async function waitForEventsOp(w: HostWorld, handles: number[], waitAll: boolean, timeoutMs: number | null): Promise<Reply<number | 'timeout'>> {
  if (handles.length === 0) return w.fail('WSA_INVALID_PARAMETER', 'no event handle given');
  const bad = handles.find((h) => !w.events.has(h));
  if (bad !== undefined) return w.fail('WSA_INVALID_HANDLE', `${bad} is not an event object`);
  const signalled = (h: number): boolean => w.events.get(h)?.signalled === true;
  const ready = (): boolean => (waitAll ? handles.every(signalled) : handles.some(signalled));
  const outcome = await w.waitUntil(ready, timeoutMs);
  if (outcome === 'deadline') return w.deadlineStop('the event wait');
  if (outcome === 'timeout') return w.ok('timeout', `timed out (t=${w.now()}ms)`);
  const index = waitAll ? 0 : handles.findIndex(signalled);
  return w.ok(index, `event ${handles[index]} is signalled (t=${w.now()}ms)`);
}

export async function sleepOp(w: HostWorld, ms: number): Promise<Reply<void>> {
  const outcome = await w.waitUntil(() => false, Math.max(0, ms));
  if (outcome === 'deadline') return w.deadlineStop('Sleep');
  return w.ok(undefined, `slept until t=${w.now()}ms`);
}
