/** Fix edits as offsets into the document text; the LSP layer turns them into TextEdits. No LSP imports. */
import type { FunctionContract } from '../spec';
import type { TextStyle } from './text-style';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface FixChoice {
  title: string;
  edits: OffsetEdit[];
  /**
   * Part of `source.fixAll.wsplint`: the edit needs no choice from the user and keeps behaviour elsewhere.
   * Only the first choice of a finding can be safe; it is then the preferred quick fix.
   */
  safe: boolean;
}

export interface FixContext {
  text: string;
  style: TextStyle;
  /** Contract of the function the finding is in, for the list of documented codes. */
  contract: FunctionContract | undefined;
}

/** Applies non-overlapping edits to a text (used by fix-all and the tests). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  return a.start < b.end && b.start < a.end || (a.start === b.start && (a.start === a.end || b.start === b.end));
}
