/**
 * `name-unchecked`: WSAEFAULT is documented for "The name or the namelen parameter is not a valid part of
 * the user address space, the namelen parameter is too small". The check goes first in the body.
 */
import type { FixHint } from '../../core';
import { guardLines } from './statement-edit';
import { indentAt } from './text-style';
import type { FixChoice, FixContext } from './types';

type Hint = Extract<FixHint, { kind: 'add-name-check' }>;

export function addNameCheckFixes(hint: Hint, ctx: FixContext): FixChoice[] {
  const { text, style } = ctx;
  const brace = text.indexOf('{', hint.bodyOpenOffset);
  if (brace < 0) return [];
  // Indent like the body's first statement, or one level deeper than the function's line.
  const after = text.slice(brace + 1);
  const firstLine = /^[^\S\n]*(?:\/\/[^\n]*)?\r?\n((?:[^\S\n]*\r?\n)*)([ \t]*)\S/.exec(after);
  const fnIndent = indentAt(text, brace);
  const indent = firstLine && firstLine[2].length > fnIndent.length ? firstLine[2] : fnIndent + style.unit;
  const lines = guardLines(style, `${hint.nameParam} == NULL || ${hint.namelenParam} < (int)sizeof(struct sockaddr)`, [
    { depth: 0, text: `*${hint.errnoParam} = WSAEFAULT;` },
    { depth: 0, text: 'return SOCKET_ERROR;' },
  ]);
  const block = lines.map((l) => style.eol + indent + style.unit.repeat(l.depth) + l.text).join('');
  // After the `{` and any comment on its line, so `{ // comment` keeps its comment.
  const lineEnd = /^[^\S\n]*(?:\/\/[^\n]*?)?(?=\r?\n)/.exec(after);
  const at = brace + 1 + (lineEnd ? lineEnd[0].length : 0);
  return [{ title: `Check ${hint.nameParam} and ${hint.namelenParam} (WSAEFAULT)`, edits: [{ start: at, end: at, newText: block }], safe: true }];
}
