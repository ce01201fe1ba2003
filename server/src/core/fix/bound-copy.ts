/**
 * `callee-unbounded-copy`: lpCalleeData->len is the size of the caller's buffer, so the copy length becomes
 * the smaller of the two. A length with side effects or calls would be evaluated twice: offered, not safe.
 */
import type { FixHint } from '../types';
import type { FixChoice, FixContext } from './types';

type Hint = Extract<FixHint, { kind: 'bound-copy' }>;

export function boundCopyFixes(hint: Hint, ctx: FixContext): FixChoice[] {
  const len = ctx.text.slice(hint.lenStartOffset, hint.lenEndOffset).trim();
  const cap = `${hint.calleeParam}->len`;
  const simple = /^(?:[\w.]+|[\w.]+->[\w.>-]+|sizeof\s*\([^()]*\)|sizeof\s+\w+)$/.test(len);
  const l = simple ? len : `(${len})`;
  const pure = !/\+\+|--|[^=!<>]=(?!=)/.test(len) && !/\b(?!sizeof\b)[A-Za-z_]\w*\s*\(/.test(len);
  return [
    {
      title: `Copy at most ${cap} bytes`,
      edits: [{ start: hint.lenStartOffset, end: hint.lenEndOffset, newText: `(${l} < ${cap} ? ${l} : ${cap})` }],
      safe: pure,
    },
  ];
}
