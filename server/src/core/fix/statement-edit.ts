/**
 * Replacing one C statement by several while keeping the file's layout. The one trap: a statement that is
 * the whole body of a braceless `if`/`else`/loop. Putting a line before it there would move the new line
 * out of the branch (`if (x) *lpErrno = E; return SOCKET_ERROR;` runs the return unconditionally), so the
 * body gets braces first.
 */
import { commentsOf, firstCommentFrom } from './comment-index';
import type { OffsetEdit } from './types';
import { indentAt, lineStartOf, type TextStyle } from './text-style';

/** One output line, `depth` levels deeper than the statement being replaced. */
export interface Line {
  depth: number;
  text: string;
}

/** Offset just past the `;` that ends the statement at `start` (parentheses, strings and comments skipped). */
export function statementEnd(text: string, start: number): number {
  let depth = 0;
  const comments = commentsOf(text);
  let ci = firstCommentFrom(comments, start);
  for (let i = start; i < text.length; i++) {
    // Literals are skipped by their own rules: catch up with comments they jumped over.
    while (ci < comments.length && comments[ci].end <= i) ci++;
    if (ci < comments.length && i >= comments[ci].start) {
      i = comments[ci].end - 1;
      ci++;
      continue;
    }
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipLiteral(text, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ';' && depth <= 0) return i + 1;
    if (depth < 0) return i;
  }
  return text.length;
}

function skipLiteral(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === q || text[j] === '\n') return j;
  }
  return text.length;
}

interface Token {
  start: number;
  end: number;
  text: string;
}

/** The last token before `offset`, skipping whitespace and comments; null at the start of the file. */
export function previousToken(text: string, offset: number): Token | null {
  const comments = commentsOf(text);
  let ci = firstCommentFrom(comments, offset) - 1;
  let i = offset - 1;
  while (i >= 0) {
    if (ci >= 0 && i < comments[ci].end && i >= comments[ci].start) {
      i = comments[ci].start - 1;
      ci--;
      continue;
    }
    if (ci >= 0 && i < comments[ci].start) {
      ci--;
      continue;
    }
    if (!/\s/.test(text[i])) break;
    i--;
  }
  if (i < 0) return null;
  if (/\w/.test(text[i])) {
    let s = i;
    while (s > 0 && /\w/.test(text[s - 1])) s--;
    return { start: s, end: i + 1, text: text.slice(s, i + 1) };
  }
  return { start: i, end: i + 1, text: text[i] };
}

/** When the statement at `start` is the braceless body of a control statement: the token it follows. */
export function bracelessControl(text: string, start: number): Token | null {
  const prev = previousToken(text, start);
  if (!prev) return null;
  // A statement after a preprocessor line (`#endif`) is in a statement list.
  if (text.slice(lineStartOf(text, prev.start)).trimStart().startsWith('#')) return null;
  if (prev.text === ')' || prev.text === 'else' || prev.text === 'do') return prev;
  return null;
}

/** The statement's own lines at depth `depth`, continuation lines keeping their extra indentation. */
export function statementLines(text: string, start: number, end: number, depth: number): Line[] {
  const base = indentAt(text, start);
  return text
    .slice(start, end)
    .split(/\r?\n/)
    .map((l, i) => ({ depth, text: i === 0 ? l : l.startsWith(base) ? l.slice(base.length) : l.trimStart() }));
}

/** Replaces the statement [start, end) with `lines` (the first at depth 0), bracing a braceless body. */
export function replaceStatement(text: string, style: TextStyle, start: number, end: number, lines: Line[]): OffsetEdit {
  const control = bracelessControl(text, start);
  if (!control) {
    const indent = indentAt(text, start);
    const newText = lines.map((l, i) => (i === 0 ? '' : indent + style.unit.repeat(l.depth)) + l.text).join(style.eol);
    return { start, end, newText };
  }
  const ctrlIndent = indentAt(text, control.start);
  const bodyIndent = ctrlIndent + style.unit;
  const between = text.slice(control.end, start).trim();
  const open = (style.braceOnOwnLine ? style.eol + ctrlIndent + '{' : ' {') + (between ? ' ' + between : '');
  const body = lines.map((l) => bodyIndent + style.unit.repeat(l.depth) + l.text).join(style.eol);
  return { start: control.end, end, newText: open + style.eol + body + style.eol + ctrlIndent + '}' };
}

/** `if (cond) {` / `}` lines (or `if (cond)` / `{` / `}`) around `inner`, in the file's brace style. */
export function guardLines(style: TextStyle, cond: string, inner: Line[]): Line[] {
  const deeper = inner.map((l) => ({ depth: l.depth + 1, text: l.text }));
  return style.braceOnOwnLine
    ? [{ depth: 0, text: `if (${cond})` }, { depth: 0, text: '{' }, ...deeper, { depth: 0, text: '}' }]
    : [{ depth: 0, text: `if (${cond}) {` }, ...deeper, { depth: 0, text: '}' }];
}

const DECLARATION = /^\s*(?:(?:const|volatile|static|unsigned|signed|struct|enum|union|register)\s+)*[A-Za-z_]\w*(?:\s*\*+\s*|\s+)[A-Za-z_]\w*\s*(?:=|\[|;|,)/;
const STATEMENT_KEYWORDS = /^\s*(?:return|goto|else|case|do|throw|delete|break|continue)\b/;

/** `TYPE name;`, `TYPE *name = ...;`: a declaration (by its shape; a parser would know for sure). */
export function looksLikeDeclaration(stmt: string): boolean {
  return DECLARATION.test(stmt) && !STATEMENT_KEYWORDS.test(stmt);
}

/** Offset of the next token at or after `offset`, skipping whitespace and comments. */
export function nextTokenStart(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (text.startsWith('/*', i)) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 2;
    } else return i;
  }
}
