/**
 * Compares two runs of the same snippet call by call. Calls are aligned on (line, function) so a call
 * one stack made and the other did not (a loop that ran a different number of times, a run that
 * stopped early) shows up as missing rather than shifting every later pair. Socket handles differ
 * between stacks by nature, so a handle-returning call compares as "a socket" and events name sockets
 * by the order they were created (socket#1, socket#2...).
 */
import type { CallRecord, EventRecord, SnippetResult, StackName } from '../types';
import { NOT_EXPRESSIBLE } from './host/host-world';

export interface CallDifference {
  line: number;
  call: string;
  /** What differs: `returned`, `error`, or `missing` when only one stack made the call. */
  fields: ('returned' | 'error' | 'missing')[];
  a: CallRecord | null;
  b: CallRecord | null;
  /** Set when a side said it could not express the call (host stack). */
  note: string | null;
}

export interface EventDifference {
  /** `socket#N`, in creation order. */
  socket: string;
  event: string;
  error: string | null;
  /** The stack that reported it (the other did not). */
  onlyIn: StackName;
}

export interface SnippetComparison {
  name: string;
  line: number;
  stacks: [StackName, StackName];
  /** Calls that agree. */
  same: number;
  calls: CallDifference[];
  events: EventDifference[];
  /** Both outputs when they differ, else null. */
  output: { a: string[]; b: string[] } | null;
  /** Each run's own error (a stop), when there is one. */
  errors: { a: string | null; b: string | null };
}

export interface CompareReport {
  version: 1;
  compare: [string, string];
  snippets: SnippetComparison[];
}

const HANDLE_CALLS = new Set(['socket', 'WSASocketA', 'WSASocketW', 'WSPSocket', 'accept', 'WSAAccept', 'WSPAccept']);

/** The value compared for a call: a valid handle is just "a socket". */
function comparable(c: CallRecord): string {
  if (HANDLE_CALLS.has(c.call) && c.returned !== -1) return 'socket';
  return String(c.returned);
}

/** Handle -> socket#N, numbered in the order the run created them. */
function socketNames(r: SnippetResult): Map<number, string> {
  const names = new Map<number, string>();
  for (const c of r.calls) {
    if (HANDLE_CALLS.has(c.call) && c.returned !== -1 && !names.has(c.returned)) names.set(c.returned, `socket#${names.size + 1}`);
  }
  return names;
}

/** Longest common subsequence of the two call lists on (line, call): the pairs to compare. */
function align(a: CallRecord[], b: CallRecord[]): [number | null, number | null][] {
  const key = (c: CallRecord): string => `${c.line}:${c.call}`;
  const n = a.length;
  const m = b.length;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = key(a[i]) === key(b[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs: [number | null, number | null][] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && key(a[i]) === key(b[j])) pairs.push([i++, j++]);
    else if (j >= m || (i < n && table[i + 1][j] >= table[i][j + 1])) pairs.push([i++, null]);
    else pairs.push([null, j++]);
  }
  return pairs;
}

function noteOf(...records: (CallRecord | null)[]): string | null {
  const r = records.find((c) => c !== null && c.detail.includes(NOT_EXPRESSIBLE));
  return r ? r.detail.slice(r.detail.indexOf(NOT_EXPRESSIBLE)) : null;
}

function eventKeys(r: SnippetResult): Map<string, EventRecord & { name: string }> {
  const names = socketNames(r);
  const out = new Map<string, EventRecord & { name: string }>();
  for (const e of r.events) {
    const name = names.get(e.socket) ?? `socket ${e.socket}`;
    out.set(`${name} ${e.event} ${e.error ?? 'ok'}`, { ...e, name });
  }
  return out;
}

export function compareResults(a: SnippetResult, b: SnippetResult): SnippetComparison {
  const calls: CallDifference[] = [];
  let same = 0;
  for (const [i, j] of align(a.calls, b.calls)) {
    const ca = i === null ? null : a.calls[i];
    const cb = j === null ? null : b.calls[j];
    const any = (ca ?? cb) as CallRecord;
    if (ca === null || cb === null) {
      calls.push({ line: any.line, call: any.call, fields: ['missing'], a: ca, b: cb, note: noteOf(ca, cb) });
      continue;
    }
    const fields: CallDifference['fields'] = [];
    if (comparable(ca) !== comparable(cb)) fields.push('returned');
    if (ca.error !== cb.error) fields.push('error');
    if (fields.length === 0) same++;
    else calls.push({ line: any.line, call: any.call, fields, a: ca, b: cb, note: noteOf(ca, cb) });
  }
  const ea = eventKeys(a);
  const eb = eventKeys(b);
  const events: EventDifference[] = [];
  for (const [k, e] of ea) if (!eb.has(k)) events.push({ socket: e.name, event: e.event, error: e.error, onlyIn: a.stack });
  for (const [k, e] of eb) if (!ea.has(k)) events.push({ socket: e.name, event: e.event, error: e.error, onlyIn: b.stack });
  const outputSame = a.output.length === b.output.length && a.output.every((l, i) => l === b.output[i]);
  return {
    name: a.name,
    line: a.line,
    stacks: [a.stack, b.stack],
    same,
    calls,
    events,
    output: outputSame ? null : { a: a.output, b: b.output },
    errors: { a: a.error, b: b.error },
  };
}

/** True when the two runs agree on every call, event and printed line, and neither stopped differently. */
export function agrees(c: SnippetComparison): boolean {
  return c.calls.length === 0 && c.events.length === 0 && c.output === null && (c.errors.a === null) === (c.errors.b === null);
}
