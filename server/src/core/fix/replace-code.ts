/**
 * `undocumented-error` / `non-wsa-error`: replaces the code with the documented WSA code that means the same
 * (`ECONNREFUSED` -> `WSAECONNREFUSED`), or offers the function's documented codes when none matches.
 */
import type { FixHint } from '../types';
import { documentedCodes, shortMeaning } from './code-choices';
import type { FixChoice, FixContext } from './types';

type Hint = Extract<FixHint, { kind: 'replace-code' }>;

export function replaceCodeFixes(hint: Hint, ctx: FixContext): FixChoice[] {
  const old = ctx.text.slice(hint.startOffset, hint.endOffset).trim();
  const edit = (code: string): FixChoice['edits'] => [{ start: hint.startOffset, end: hint.endOffset, newText: code }];
  if (hint.replacement) return [{ title: `Replace ${old} with ${hint.replacement}`, edits: edit(hint.replacement), safe: true }];
  return documentedCodes(ctx)
    .filter((c) => c.code !== old)
    .map((c) => ({ title: `Replace ${old} with ${c.code} (${shortMeaning(c.meaning)})`, edits: edit(c.code), safe: false }));
}
