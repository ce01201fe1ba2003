import { ARG_MACRO_PATTERNS, PLAIN_MACROS, salFacts, type SalFact } from './macros';

/** An annotation that was blanked, kept as a fact about the declaration it decorated. */
export interface BlankedMacro {
  name: string;
  offset: number;
  end: number;
  facts: SalFact[];
}

export interface BlankResult {
  /** Same length as the input, same line breaks; known macros replaced by spaces. */
  text: string;
  macros: BlankedMacro[];
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Macros that take a type argument, which tree-sitter cannot parse as an expression when written `struct X`. */
const TYPE_ARG_MACROS = new Set(['FIELD_OFFSET', 'offsetof', 'CONTAINING_RECORD', 'RTL_FIELD_SIZE', 'FIELD_SIZE', 'RTL_SIZEOF_THROUGH_FIELD', 'TYPE_ALIGNMENT']);

/**
 * Blanks known annotation macros, length-preserving, outside comments, strings and preprocessor
 * lines (a `#define IN` must stay what it is). Line breaks inside blanked text are kept so that
 * every line number and column stays exact.
 */
export function blankMacros(src: string, extra: readonly string[] = []): BlankResult {
  const plain = new Set([...PLAIN_MACROS, ...extra, ...statementMacros(src)]);
  const out = new Blanker(src);
  const macros: BlankedMacro[] = [];
  const n = src.length;
  let i = 0;
  let lineStart = true;
  while (i < n) {
    const c = src[i];
    if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (lineStart && c === '#') {
      i = skipPreprocessorLine(src, i);
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      // A backslash at the end continues a line comment onto the next line.
      while (i < n && (src[i] !== '\n' || src[i - 1] === '\\' || (src[i - 1] === '\r' && src[i - 2] === '\\'))) i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      // A comment before `#define` on the same line leaves it a directive.
      const e = src.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    lineStart = false;
    if (c === '"' && src[i - 1] === 'R') {
      i = skipRawString(src, i);
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipQuoted(src, i, c);
      continue;
    }
    const code = src.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) {
      IDENT.lastIndex = i;
      const m = IDENT.exec(src);
      const word = m ? m[0] : c;
      const start = i;
      let end = i + word.length;
      let b = start - 1;
      while (b >= 0 && (src[b] === ' ' || src[b] === '\t')) b--;
      // A member name (`x.IN`, `p -> FAR`) is not the macro.
      const isMember = src[b] === '.' || (src[b] === '>' && src[b - 1] === '-');
      if (!isMember && TYPE_ARG_MACROS.has(word)) {
        // `FIELD_OFFSET(struct sockaddr, sa_data)`: a type as a macro argument; blank its `struct` keyword.
        const close = balancedArgsEnd(src, end);
        if (close > 0) {
          const inner = src.slice(end, close);
          for (const m of inner.matchAll(/\b(struct|union|enum)\b/g)) blank(out, end + m.index!, end + m.index! + m[1].length);
          i = close;
          continue;
        }
      }
      if (!isMember && plain.has(word)) {
        // `_Success_(return == 0)`: a SAL name used with arguments loses them too.
        if (word.startsWith('_')) {
          const close = balancedArgsEnd(src, end);
          if (close > 0) end = close;
        }
        blank(out, start, end);
        macros.push({ name: word, offset: start, end, facts: salFacts(word) });
      } else if (!isMember && (code === 95 || word.startsWith('DECLSPEC_')) && ARG_MACRO_PATTERNS.some((re) => re.test(word))) {
        const close = balancedArgsEnd(src, end);
        if (close > 0) end = close;
        blank(out, start, end);
        macros.push({ name: word, offset: start, end, facts: salFacts(word) });
      }
      i = end;
      continue;
    }
    i++;
  }
  return { text: out.result(), macros };
}

/** Collects the ranges to blank and builds the blanked text once, from slices (no per-character array). */
class Blanker {
  private readonly ranges: Array<[number, number]> = [];
  constructor(private readonly src: string) {}
  add(start: number, end: number): void {
    this.ranges.push([start, end]);
  }
  result(): string {
    if (this.ranges.length === 0) return this.src;
    this.ranges.sort((a, b) => a[0] - b[0]);
    const parts: string[] = [];
    let at = 0;
    for (const [start, end] of this.ranges) {
      if (end <= at) continue;
      const from = Math.max(start, at);
      parts.push(this.src.slice(at, from));
      // Spaces, but line breaks stay where they are.
      parts.push(this.src.slice(from, end).replace(/[^\r\n]/g, ' '));
      at = end;
    }
    parts.push(this.src.slice(at));
    return parts.join('');
  }
}

function blank(out: Blanker, start: number, end: number): void {
  out.add(start, end);
}

function skipQuoted(src: string, i: number, q: string): number {
  let k = i + 1;
  while (k < src.length && src[k] !== q && src[k] !== '\n') k += src[k] === '\\' ? 2 : 1;
  return k + 1;
}

/** C++ raw string `R"delim( ... )delim"`: no escapes, may span lines. */
function skipRawString(src: string, i: number): number {
  const open = src.indexOf('(', i);
  if (open < 0 || open - i > 17) return skipQuoted(src, i, '"');
  const close = src.indexOf(`)${src.slice(i + 1, open)}"`, open);
  return close < 0 ? src.length : close + (open - i) + 1;
}

function skipPreprocessorLine(src: string, i: number): number {
  let k = i;
  while (k < src.length) {
    if (src[k] === '\n') {
      if (src[k - 1] === '\\' || (src[k - 1] === '\r' && src[k - 2] === '\\')) {
        k++;
        continue;
      }
      return k;
    }
    if (src[k] === '/' && src[k + 1] === '*') {
      const e = src.indexOf('*/', k + 2);
      k = e < 0 ? src.length : e + 2;
      continue;
    }
    k++;
  }
  return k;
}

/** If `(` follows (after spaces), the offset just past its balanced `)`; else -1. */
function balancedArgsEnd(src: string, from: number): number {
  let k = from;
  while (k < src.length && (src[k] === ' ' || src[k] === '\t')) k++;
  if (src[k] !== '(') return -1;
  let depth = 0;
  for (; k < src.length; k++) {
    const c = src[k];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return k + 1;
    } else if (c === ';' || c === '{') return -1;
  }
  return -1;
}

/**
 * Object-like macros of this file whose body is a whole statement (`#define TRACE_LINE Log(__FUNCTION__);`):
 * used as `TRACE_LINE` on a line of its own, without `;`, they make the next statement parse as a declaration.
 * Blanking them where they are used keeps the next statement what it is.
 */
function statementMacros(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)[ \t]+(?!\()([^\n]*?);[ \t]*(?:\/\/[^\n]*)?$/gm)) out.push(m[1]);
  return out;
}
