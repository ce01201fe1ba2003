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
  /** Set when `isCancelled` stopped it: `edit` is then null (a half-done fix-all is never offered). */
  cancelled?: boolean;
}

export function fixAll(
  text: string,
  analyze: (text: string) => Finding[],
  contextFor: (text: string, finding: Finding) => FixContext,
  maxRounds = 6,
  /** Checked before each round: a cancelled request stops between analyses, returning nothing. */
  isCancelled: () => boolean = () => false,
): FixAllResult {
  let current = text;
  let applied = 0;
  for (let round = 0; round < maxRounds; round++) {
    if (isCancelled()) return { edit: null, applied: 0, cancelled: true };
    const chosen: OffsetEdit[][] = [];
    for (const f of analyze(current)) {
      const choices = fixesFor(f, contextFor(current, f));
      if (!choices[0]?.safe) continue;
      const edits = choices[0].edits;
      if (chosen.some((c) => c.some((a) => edits.some((b) => overlaps(a, b))))) continue;
      chosen.push(edits);
    }
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen.flat());
    if (next === current) break;
    current = next;
    applied += chosen.length;
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
