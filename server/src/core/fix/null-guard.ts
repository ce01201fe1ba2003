/**
 * `callee-null-deref`: lpCalleeData, lpCallerData and lpSQOS may be NULL, so the statement that
 * dereferences one goes under `if (p != NULL)`. Wrapping a declaration would end its scope early, so that
 * case is offered but left out of fix-all.
 */
import type { FixHint } from '../types';
import { guardLines, looksLikeDeclaration, replaceStatement, statementLines } from './statement-edit';
import type { FixChoice, FixContext } from './types';

type Hint = Extract<FixHint, { kind: 'null-guard' }>;

export function nullGuardFixes(hint: Hint, ctx: FixContext): FixChoice[] {
  const stmt = ctx.text.slice(hint.stmtStartOffset, hint.stmtEndOffset);
  const inner = statementLines(ctx.text, hint.stmtStartOffset, hint.stmtEndOffset, 0);
  const lines = guardLines(ctx.style, `${hint.param} != NULL`, inner);
  const edit = replaceStatement(ctx.text, ctx.style, hint.stmtStartOffset, hint.stmtEndOffset, lines);
  return [{ title: `Check ${hint.param} for NULL before using it`, edits: [edit], safe: !looksLikeDeclaration(stmt) }];
}
