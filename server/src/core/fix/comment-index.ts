/**
 * The comments of a text, found once and then searched: every fix needs "skip comments" around its
 * statement, and rescanning the file per fix made a file with thousands of findings quadratic (fuzzer:
 * 6,000 findings in 750 KB took minutes). A few recent texts are kept: a request computes all its fixes
 * on one text, fix-all on one text per round.
 */
import { scanComments } from '../suppress';

export interface CommentSpan {
  start: number;
  end: number;
}

const CACHE = new Map<string, CommentSpan[]>();
const MAX_TEXTS = 8;

export function commentsOf(text: string): readonly CommentSpan[] {
  let spans = CACHE.get(text);
  if (!spans) {
    spans = scanComments(text).map((c) => ({ start: c.start, end: c.end }));
    if (CACHE.size >= MAX_TEXTS) CACHE.delete(CACHE.keys().next().value as string);
    CACHE.set(text, spans);
  }
  return spans;
}

/** Index of the first comment that starts at or after `offset` (spans.length when none does). */
export function firstCommentFrom(spans: readonly CommentSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
