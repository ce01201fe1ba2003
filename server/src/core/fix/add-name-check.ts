/**
 * `name-unchecked`: WSAEFAULT is documented for "The name or the namelen parameter is not a valid part of
 * the user address space, the namelen parameter is too small". The check goes at the top of the body,
 * after the leading declarations that do not touch `name` (C89 wants declarations first).
 */
import type { FixHint } from '../types';
import { guardLines, looksLikeDeclaration, nextTokenStart, statementEnd } from './statement-edit';
import { indentAt } from './text-style';
import type { FixChoice, FixContext } from './types';

type Hint = Extract<FixHint, { kind: 'add-name-check' }>;

export function addNameCheckFixes(hint: Hint, ctx: FixContext): FixChoice[] {
  const { text, style } = ctx;
  const brace = text.indexOf('{', hint.bodyOpenOffset);
  if (brace < 0) return [];
  const usesName = new RegExp(`\\b${hint.nameParam.replace(/\W/g, '')}\\b`);
  let lastDecl = -1;
  for (let at = nextTokenStart(text, brace + 1), n = 0; n < 64 && at < text.length && text[at] !== '}'; n++) {
    const end = statementEnd(text, at);
    const stmt = text.slice(at, end);
    if (!looksLikeDeclaration(stmt) || usesName.test(stmt)) break;
    lastDecl = end;
    at = nextTokenStart(text, end);
  }
  const firstStmt = nextTokenStart(text, brace + 1);
  const fnIndent = indentAt(text, brace);
  const bodyIndent = indentAt(text, firstStmt);
  const indent = text[firstStmt] !== '}' && bodyIndent.length > fnIndent.length ? bodyIndent : fnIndent + style.unit;
  const lines = guardLines(style, `${hint.nameParam} == NULL || ${hint.namelenParam} < (int)sizeof(struct sockaddr)`, [
    { depth: 0, text: `*${hint.errnoParam} = WSAEFAULT;` },
    { depth: 0, text: 'return SOCKET_ERROR;' },
  ]);
  const block = lines.map((l) => style.eol + indent + style.unit.repeat(l.depth) + l.text).join('');
  // At the end of the line of the `{` (or of the last declaration), after any comment there.
  const from = lastDecl >= 0 ? lastDecl : brace + 1;
  const rest = /^[ \t]*(?:\/\/[^\r\n]*|\/\*.*?\*\/[ \t]*)?(?=\r?\n)/.exec(text.slice(from, from + 2000));
  const at = from + (rest ? rest[0].length : 0);
  // Set apart from the declarations by a blank line.
  const newText = (lastDecl >= 0 ? style.eol : '') + block;
  return [{ title: `Check ${hint.nameParam} and ${hint.namelenParam} (WSAEFAULT)`, edits: [{ start: at, end: at, newText }], safe: true }];
}
