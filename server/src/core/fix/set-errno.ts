/**
 * `errno-not-set`: "Otherwise, it returns SOCKET_ERROR, and a specific error code is available in lpErrno."
 * Inserts `*lpErrno = <code>;` before the `return SOCKET_ERROR`. A code suggested from the path is the safe,
 * preferred choice; the function's other documented codes follow, since a heuristic can pick wrong.
 */
import type { FixHint } from '../types';
import { documentedCodes, shortMeaning } from './code-choices';
import { replaceStatement, statementEnd, statementLines } from './statement-edit';
import type { FixChoice, FixContext } from './types';

type Hint = Extract<FixHint, { kind: 'set-errno-before-return' }>;

export function setErrnoFixes(hint: Hint, ctx: FixContext): FixChoice[] {
  const build = (code: string): FixChoice['edits'] => {
    const end = statementEnd(ctx.text, hint.returnOffset);
    const lines = [{ depth: 0, text: `*${hint.errnoParam} = ${code};` }, ...statementLines(ctx.text, hint.returnOffset, end, 0)];
    return [replaceStatement(ctx.text, ctx.style, hint.returnOffset, end, lines)];
  };
  const suggested: FixChoice[] = hint.suggested
    ? [{ title: `Set *${hint.errnoParam} = ${hint.suggested} before returning`, edits: build(hint.suggested), safe: true }]
    : [];
  const others = documentedCodes(ctx).filter((c) => c.code !== hint.suggested);
  return suggested.concat(others.map((c) => ({
    title: `Set *${hint.errnoParam} = ${c.code} before returning (${shortMeaning(c.meaning)})`,
    edits: build(c.code),
    safe: false,
  })));
}
