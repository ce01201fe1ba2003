import type { ParsedFile } from '../model/parsed-file';

/** An abstract value a local variable (or a call) can hold on one path. */
export type Val =
  | { k: 'const'; name?: string; num?: number }
  /** The value of parameter `i` itself: a pointer alias (`LPINT pErr = lpErrno`) or a copy. */
  | { k: 'param'; i: number }
  /** A C++ reference bound to `*p` (`int& err = *lpErrno`): assigning it stores through parameter `i`. */
  | { k: 'deref'; i: number }
  /** The value of `p->f` for parameter `i` (`char *dst = lpCalleeData->buf`). */
  | { k: 'fieldof'; i: number; f: string }
  | { k: 'nonnull' };

/** A candidate value with the steps that explain where it came from (inside a helper). */
export interface Cand {
  val: Val;
  steps: Step[];
}

export interface Step {
  file: ParsedFile;
  offset: number;
  message: string;
}

/** Persistent list of the steps of one path (shared tails, so forking a state is cheap). */
export interface StepList {
  step: Step;
  prev: StepList | null;
  len: number;
}

export function pushStep(list: StepList | null, step: Step): StepList {
  return { step, prev: list, len: (list?.len ?? 0) + 1 };
}

export function stepsOf(list: StepList | null, max = 40): Step[] {
  const out: Step[] = [];
  for (let cur = list; cur; cur = cur.prev) out.push(cur.step);
  out.reverse();
  // Keep the start and the end of long paths: the end is what leads to the finding.
  return out.length > max ? [...out.slice(0, 5), ...out.slice(out.length - (max - 5))] : out;
}

/** A socket handle some call returned successfully: neither INVALID_SOCKET nor 0 (a stand-in value). */
export const VALID_SOCKET: Val = { k: 'const', name: 'a valid socket', num: 0x10000 };

/** Facts that hold on one path. Bit i of each mask is parameter i. Treated as immutable. */
export interface State {
  vals: ReadonlyMap<string, Val>;
  /** `*p`, `p->f` or `p[i]` was written, or p was handed to code that may write it. */
  written: number;
  /** `p->len` was written (or p was handed to code that may write it). */
  lenWritten: number;
  /** p took part in a comparison (`namelen < sizeof(SOCKADDR_IN)`). */
  compared: number;
  nonnull: number;
  isnull: number;
  /** `p->len` took part in a comparison. */
  lenChecked: number;
  /** p was already dereferenced or used on this path (so only the first use is reported). */
  used: number;
  /** Locals known to be bounded by some `p->len` (compared with it, or computed from it). */
  bounded: ReadonlySet<string>;
  steps: StepList | null;
}

export const MAX_TRACKED_PARAMS = 30;

export function bit(i: number): number {
  return i >= 0 && i < MAX_TRACKED_PARAMS ? 1 << i : 0;
}

export function initialState(): State {
  return { vals: new Map(), written: 0, lenWritten: 0, compared: 0, nonnull: 0, isnull: 0, lenChecked: 0, used: 0, bounded: new Set(), steps: null };
}

export function valKey(v: Val): string {
  if (v.k === 'const') return v.num !== undefined ? `#${v.num}` : `$${v.name}`;
  if (v.k === 'param') return `p${v.i}`;
  if (v.k === 'deref') return `d${v.i}`;
  if (v.k === 'fieldof') return `f${v.i}.${v.f}`;
  return 'nn';
}

export function stateKey(s: State): string {
  const vals = [...s.vals.entries()].map(([k, v]) => `${k}=${valKey(v)}`).sort().join(',');
  const bounded = [...s.bounded].sort().join(',');
  return `${s.written}|${s.lenWritten}|${s.compared}|${s.nonnull}|${s.isnull}|${s.lenChecked}|${s.used}|${vals}|${bounded}`;
}

export function withVal(s: State, name: string, v: Val | null): State {
  const vals = new Map(s.vals);
  if (v) vals.set(name, v);
  else vals.delete(name);
  return { ...s, vals };
}

export function constName(v: Val): string {
  if (v.k === 'const') return v.name ?? String(v.num);
  if (v.k === 'param') return `parameter ${v.i + 1}`;
  if (v.k === 'deref') return `*parameter ${v.i + 1}`;
  if (v.k === 'fieldof') return `parameter ${v.i + 1}->${v.f}`;
  return 'a non-NULL value';
}

export function sameConst(a: Val, b: Val): boolean | undefined {
  if (a.k !== 'const' || b.k !== 'const') return undefined;
  if (a.num !== undefined && b.num !== undefined) return a.num === b.num;
  // 0 against a named error or status code whose value we do not know: such codes are not 0 (but the
  // success and wait-0 names, which we know).
  const zeroVsCode = (x: typeof a, y: typeof b) => x.num === 0 && y.num === undefined && !!y.name && /^(STATUS|ERROR|WSA)_?[A-Z]/.test(y.name) && !/SUCCESS|WAIT_0/.test(y.name);
  if (zeroVsCode(a, b) || zeroVsCode(b, a)) return false;
  if (a.name !== undefined && b.name !== undefined) {
    if (a.name === b.name) return true;
    // Two different status or error macros (STATUS_PENDING, STATUS_TIMEOUT): distinct codes.
    if (/^(STATUS|ERROR|WSA|E)[A-Z_0-9]*$/.test(a.name) && /^(STATUS|ERROR|WSA|E)[A-Z_0-9]*$/.test(b.name)) return false;
  }
  return undefined;
}
