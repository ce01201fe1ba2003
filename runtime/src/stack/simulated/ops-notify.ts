/**
 * Notification: WSPSelect, WSPEventSelect / WSPEnumNetworkEvents, WSPAsyncSelect, event objects and
 * the waits that let virtual time pass.
 */
import { FD_ACCEPT, FD_EVENT_NAMES, FD_MAX_EVENTS, FD_READ, FD_WRITE } from '../../spec/winsock-constants';
import type { NetworkEventsResult, PtrArg, Reply, SelectArgs, SelectResult } from '../stack';
import type { SimSocket } from './sim-socket';
import type { World } from './world';

export function selectOp(w: World, args: SelectArgs): Reply<SelectResult> {
  const sets = [args.read, args.write, args.except];
  if (sets.some((x) => x === 'fault') || args.timeout === 'fault') {
    return w.fail('WSAEFAULT', 'a descriptor set or the timeval is not part of the user address space');
  }
  const [read, write, except] = sets.map((x) => (x === 'fault' ? null : x));
  if (read === null && write === null && except === null) return w.fail('WSAEINVAL', 'all three descriptor sets are NULL');
  if ([read, write, except].every((x) => x === null || x.length === 0)) {
    return w.fail('WSAEINVAL', 'no descriptor set contains a socket');
  }
  const timeout = args.timeout as { sec: number; usec: number } | null;
  if (timeout !== null && (timeout.sec < 0 || timeout.usec < 0)) return w.fail('WSAEINVAL', 'the timeout value is not valid');
  for (const h of [...(read ?? []), ...(write ?? []), ...(except ?? [])]) {
    if (!w.lookup(h)) return w.fail('WSAENOTSOCK', `${h} in a descriptor set is not a socket`);
  }
  const pick = (set: number[] | null, test: (s: SimSocket) => boolean): number[] =>
    set === null ? [] : [...new Set(set)].filter((h) => test(w.lookup(h) as SimSocket));
  const compute = (): SelectResult => ({
    read: pick(read, (s) => w.readable(s)),
    write: pick(write, (s) => w.writable(s)),
    except: pick(except, (s) => w.exceptional(s)),
  });
  const count = (r: SelectResult): number => r.read.length + r.write.length + r.except.length;
  const deadline = timeout === null ? null : w.clock.now() + timeout.sec * 1000 + timeout.usec / 1000;
  const outcome = w.clock.runUntil(() => count(compute()) > 0, deadline);
  if (outcome === 'never') return w.stop('select with no timeout would wait forever: nothing can change the state of these sockets');
  const result = compute();
  const parts = [
    result.read.length ? `readfds: ${result.read.join(', ')}` : '',
    result.write.length ? `writefds: ${result.write.join(', ')}` : '',
    result.except.length ? `exceptfds: ${result.except.join(', ')}` : '',
  ].filter((p) => p !== '');
  return w.ok(result, parts.length ? `${parts.join('; ')} (t=${w.clock.now()}ms)` : `timed out (t=${w.clock.now()}ms)`);
}

export function eventSelectOp(w: World, handle: number, event: number, mask: number): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (mask !== 0 && !w.events.has(event)) return w.fail('WSAEINVAL', `hEventObject ${event} is not an event object`);
  // "This function automatically sets socket s to nonblocking mode, regardless of the value of lNetworkEvents."
  s.nonblocking = true;
  // "Issuing a LPWSPEventSelect for a socket cancels any previous ... and clears the internal network event record."
  s.record.clear();
  if (mask === 0) {
    s.notify = { mode: 'none' };
    return w.ok(undefined, `event selection on socket ${handle} cancelled`);
  }
  s.notify = { mode: 'event', mask, event };
  const late = replayLatent(w, s, mask, false);
  return w.ok(undefined, `socket ${handle} records ${maskNames(mask)} into event ${event}; now nonblocking${late}`);
}

export function asyncSelectOp(w: World, handle: number, window: number, message: number, mask: number): Reply<void> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  if (mask !== 0 && window === 0) return w.fail('WSAEINVAL', 'hWnd is NULL');
  s.nonblocking = true;
  s.record.clear();
  if (mask === 0) {
    s.notify = { mode: 'none' };
    return w.ok(undefined, `message notification on socket ${handle} cancelled`);
  }
  s.notify = { mode: 'async', mask, window, message };
  const late = replayLatent(w, s, mask, true);
  return w.ok(undefined, `socket ${handle} posts ${maskNames(mask)} as message ${message}; now nonblocking${late}`);
}

/**
 * The windows profile reports what happened before the selection: an event selection gets the events
 * never reported, a message selection gets the conditions that hold now (but not FD_CONNECT).
 */
function replayLatent(w: World, s: SimSocket, mask: number, messages: boolean): string {
  if (!w.rules.reportsEventsBeforeSelection) return '';
  const due = new Map<number, string | null>();
  if (messages) {
    if ((mask & FD_WRITE) && w.writable(s)) due.set(FD_WRITE, null);
    if ((mask & FD_READ) && w.readable(s) && s.state !== 'listening') due.set(FD_READ, null);
    if ((mask & FD_ACCEPT) && s.acceptQueue.length > 0) due.set(FD_ACCEPT, null);
  } else {
    for (const [bit, error] of s.latent) if (mask & bit) due.set(bit, error);
  }
  for (const bit of [...s.latent.keys()]) if (mask & bit) s.latent.delete(bit);
  w.deliverAll(s, due);
  return due.size ? `; earlier events reported now: ${maskNames([...due.keys()].reduce((a, b) => a | b, 0))}` : '';
}

export function enumNetworkEventsOp(w: World, handle: number, event: number, out: PtrArg): Reply<NetworkEventsResult> {
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
  // "The socket's internal record of network events is copied ... whereafter the internal network events record is cleared."
  s.record.clear();
  const ev = w.events.get(event);
  if (ev) ev.signalled = false;
  return w.ok({ events, errors }, events ? `occurred: ${maskNames(events, errors)}` : 'no network event recorded');
}

export function waitForEventsOp(w: World, handles: number[], waitAll: boolean, timeoutMs: number | null): Reply<number | 'timeout'> {
  if (handles.length === 0) return w.fail('WSA_INVALID_PARAMETER', 'no event handle given');
  const bad = handles.find((h) => !w.events.has(h));
  if (bad !== undefined) return w.fail('WSA_INVALID_HANDLE', `${bad} is not an event object`);
  const signalled = (h: number): boolean => w.events.get(h)?.signalled === true;
  const ready = (): boolean => (waitAll ? handles.every(signalled) : handles.some(signalled));
  const deadline = timeoutMs === null ? null : w.clock.now() + timeoutMs;
  const outcome = w.clock.runUntil(ready, deadline);
  if (outcome === 'never') return w.stop('the wait has no timeout and no event can be signalled any more');
  if (outcome === 'timeout') return w.ok('timeout', `timed out (t=${w.clock.now()}ms)`);
  const index = waitAll ? 0 : handles.findIndex(signalled);
  return w.ok(index, `event ${handles[index]} is signalled (t=${w.clock.now()}ms)`);
}

export function sleepOp(w: World, ms: number): Reply<void> {
  w.clock.runUntil(() => false, w.clock.now() + Math.max(0, ms));
  return w.ok(undefined, `slept until t=${w.clock.now()}ms`);
}

export function maskNames(mask: number, errors?: number[]): string {
  const names = FD_EVENT_NAMES;
  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    if ((mask & (1 << i)) === 0) continue;
    const code = errors?.[i] ?? 0;
    out.push(code ? `${names[i]}(${code})` : names[i]);
  }
  return out.join(' | ') || '0';
}
