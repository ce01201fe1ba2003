/**
 * `source.fixAll.wsplint`: applies every safe fix. Fixes may touch the same statement (a NULL guard around
 * a copy whose length also needs bounding), so it works in rounds: analyse, apply the safe fixes that do
 * not overlap, analyse the result again, until nothing safe is left. The result is one minimal edit.
 */
import type { Finding } from '../types';
import { fixesFor } from './index';
import { applyEdits, overlaps, type FixContext, type OffsetEdit } from './types';

export interface FixAllResult {
  edit: OffsetEdit | null;
  applied: number;
  /** Set when fixAllAsync was cancelled: `edit` is then null (a half-done fix-all is never offered). */
  cancelled?: boolean;
}

type Analyze = (text: string) => Finding[];
type ContextFor = (text: string, finding: Finding) => FixContext;

/** One round: the first (safe) choice of every finding whose edits overlap none chosen before. */
function round(current: string, analyze: Analyze, contextFor: ContextFor): { next: string; count: number } {
  const chosen: OffsetEdit[][] = [];
  for (const f of analyze(current)) {
    const choices = fixesFor(f, contextFor(current, f));
    if (!choices[0]?.safe) continue;
    const edits = choices[0].edits;
    if (chosen.some((c) => c.some((a) => edits.some((b) => overlaps(a, b))))) continue;
    chosen.push(edits);
  }
  return { next: chosen.length ? applyEdits(current, chosen.flat()) : current, count: chosen.length };
}

export function fixAll(text: string, analyze: Analyze, contextFor: ContextFor, maxRounds = 6): FixAllResult {
  let current = text;
  let applied = 0;
  for (let r = 0; r < maxRounds; r++) {
    const { next, count } = round(current, analyze, contextFor);
    if (count === 0 || next === current) break;
    current = next;
    applied += count;
  }
  return { edit: minimalEdit(text, current), applied };
}

export interface FixAllAsyncOptions {
  maxRounds?: number;
  /** Checked before each round's analysis: a cancelled request stops there and gets no edit. */
  isCancelled?: () => boolean;
  /** Awaited before each round, so that a cancellation (or other work) can be read in between. */
  pause?: () => Promise<void>;
}

/** fixAll for servers: yields between rounds and stops when cancelled. Same result when not cancelled. */
export async function fixAllAsync(text: string, analyze: Analyze, contextFor: ContextFor, options: FixAllAsyncOptions = {}): Promise<FixAllResult> {
  const { maxRounds = 6, isCancelled = () => false, pause = () => new Promise<void>((r) => setImmediate(r)) } = options;
  let current = text;
  let applied = 0;
  for (let r = 0; r < maxRounds; r++) {
    await pause();
    if (isCancelled()) return { edit: null, applied: 0, cancelled: true };
    const { next, count } = round(current, analyze, contextFor);
    if (count === 0 || next === current) break;
    current = next;
    applied += count;
  }
  return { edit: minimalEdit(text, current), applied };
}

/** One edit turning `a` into `b`: everything between their common prefix and common suffix. */
export function minimalEdit(a: string, b: string): OffsetEdit | null {
  if (a === b) return null;
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, end: a.length - s, newText: b.slice(p, b.length - s) };
}
