/**
 * Where two versions of a text start and stop differing. Compared a block at a time (string equality of
 * slices is a memory compare), then by character: on a 300 KB document this takes tens of microseconds
 * instead of the third of a millisecond a character loop costs, and it runs on every keystroke.
 */
const BLOCK = 4096;

/** The part of a text an edit changed: before it the texts are equal, after it equal but shifted. */
export interface EditSpan {
  /** First offset that differs. */
  start: number;
  /** End of the changed part in the old and in the new version. */
  oldEnd: number;
  newEnd: number;
}

/** Where `text` differs from `old`; null when they are the same text. */
export function editBetween(old: string, text: string): EditSpan | null {
  const start = commonPrefix(old, text);
  if (start === old.length && start === text.length) return null;
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  return { start, oldEnd: old.length - suffix, newEnd: text.length - suffix };
}

/** Length of the common prefix. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let s = 0;
  while (s + BLOCK <= max && a.slice(s, s + BLOCK) === b.slice(s, s + BLOCK)) s += BLOCK;
  while (s < max && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  return s;
}

/** Length of the common suffix, at most `limit` (so that prefix and suffix do not overlap). */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
