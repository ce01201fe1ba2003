/** The codes a user may pick when the analyzer cannot choose one: those the function documents. */
import type { FixContext } from './types';

export interface CodeChoice {
  code: string;
  meaning: string;
}

export function documentedCodes(ctx: FixContext): CodeChoice[] {
  const c = ctx.contract;
  if (!c) return [];
  const pending = new Set(c.returns.pending ?? []);
  // WSA_IO_PENDING is not an error to set on a failure path; it means "completes later".
  return c.errors.filter((e) => !pending.has(e.code)).map((e) => ({ code: e.code, meaning: e.meaning }));
}

/** A meaning cut to fit a menu line. */
export function shortMeaning(meaning: string, max = 70): string {
  const first = meaning.split(/(?<=\.)\s/)[0];
  return first.length <= max ? first : first.slice(0, max - 1).trimEnd() + '…';
}
