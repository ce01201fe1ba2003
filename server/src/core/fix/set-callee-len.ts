/**
 * `callee-len-not-set`: the provider must say how much callee data it wrote, so a success return that
 * wrote none sets `lpCalleeData->len = 0` first, under a NULL check because lpCalleeData is optional.
 */
import type { FixHint } from '../types';
import { guardLines, replaceStatement, statementEnd, statementLines } from './statement-edit';
import type { FixChoice, FixContext } from './types';

type Hint = Extract<FixHint, { kind: 'set-callee-len' }>;

export function setCalleeLenFixes(hint: Hint, ctx: FixContext): FixChoice[] {
  const p = hint.calleeParam;
  const end = statementEnd(ctx.text, hint.returnOffset);
  const lines = [
    ...guardLines(ctx.style, `${p} != NULL`, [{ depth: 0, text: `${p}->len = 0;` }]),
    ...statementLines(ctx.text, hint.returnOffset, end, 0),
  ];
  return [{ title: `Set ${p}->len = 0 before returning`, edits: [replaceStatement(ctx.text, ctx.style, hint.returnOffset, end, lines)], safe: true }];
}
