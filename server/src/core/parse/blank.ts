import { editBetween, type EditSpan } from './text-diff';
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
  /**
   * Line starts where the scan was in its plain state and nothing before had looked at text past them:
   * a later version of the file is blanked again from the last of them before its edit (see reblank).
   */
  syncPoints: number[];
  /** The macro names blanked as plain words (a different set means blanking everything again). */
  plainKey: string;
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
  const stmts = statementMacros(src);
  const plain = new Set([...PLAIN_MACROS, ...extra, ...stmts]);
  const part = scan(src, plain, 0, null);
  return { text: part.text, macros: part.macros, syncPoints: part.syncPoints, plainKey: [...extra, '|', ...stmts].join(',') };
}

/**
 * The same result as blankMacros(src, extra), from the result for an earlier version of the text: only
 * the lines from the last sync point before the first changed character, up to the first sync point
 * after the change where the old scan was in the same state, are scanned again (a keystroke in a large
 * file costs a few lines, not the file). `edit`: where `src` differs from `oldSrc`, when the caller has it.
 */
export function reblank(src: string, extra: readonly string[], oldSrc: string, old: BlankResult, edit: EditSpan | null = editBetween(oldSrc, src)): BlankResult {
  const stmts = statementMacros(src);
  const plainKey = [...extra, '|', ...stmts].join(',');
  if (plainKey !== old.plainKey) return blankMacros(src, extra);
  if (!edit) return old;
  const { start: s, newEnd } = edit;
  const delta = src.length - oldSrc.length;
  const k = lastAtOrBefore(old.syncPoints, s);
  const from = k < 0 ? 0 : old.syncPoints[k];
  // Where the new scan may stop: a line start past the change that was a sync point of the old scan.
  const oldPoints = new Set<number>();
  for (let j = Math.max(0, k); j < old.syncPoints.length; j++) oldPoints.add(old.syncPoints[j]);
  const plain = new Set([...PLAIN_MACROS, ...extra, ...stmts]);
  const part = scan(src, plain, from, (at) => at >= newEnd && at > from && oldPoints.has(at - delta));
  if (part.end >= src.length) {
    return {
      text: old.text.slice(0, from) + part.text,
      macros: [...old.macros.filter((m) => m.offset < from), ...part.macros],
      syncPoints: [...old.syncPoints.slice(0, Math.max(0, k)), ...part.syncPoints],
      plainKey,
    };
  }
  const oldAt = part.end - delta;
  return {
    text: old.text.slice(0, from) + part.text + old.text.slice(oldAt),
    macros: [
      ...old.macros.filter((m) => m.offset < from),
      ...part.macros,
      ...old.macros.filter((m) => m.offset >= oldAt).map((m) => ({ ...m, offset: m.offset + delta, end: m.end + delta })),
    ],
    syncPoints: [...old.syncPoints.slice(0, Math.max(0, k)), ...part.syncPoints, ...old.syncPoints.filter((p) => p >= oldAt).map((p) => p + delta)],
    plainKey,
  };
}

function lastAtOrBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= at) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

interface ScanPart {
  /** Blanked text of [from, end). */
  text: string;
  macros: BlankedMacro[];
  syncPoints: number[];
  end: number;
}

/**
 * Scans from `from` (a line start in the plain state) to the end, or to the first sync point at which
 * `stopAt` says the rest is known (the point itself not included).
 */
function scan(src: string, plain: ReadonlySet<string>, from: number, stopAt: ((at: number) => boolean) | null): ScanPart {
  const out = new Blanker(src, from);
  const macros: BlankedMacro[] = [];
  const syncPoints: number[] = [];
  const n = src.length;
  let i = from;
  let lineStart = true;
  // The furthest character any decision so far has looked at (a line start before it is no sync point).
  let looked = from;
  // A line start at the very end is no sync point (a full scan never records one there).
  if (from === 0 || from < n) syncPoints.push(from);
  while (i < n) {
    const c = src[i];
    if (c === '\n') {
      lineStart = true;
      i++;
      if (i > looked && i < n) {
        if (stopAt && stopAt(i)) return { text: out.result(i), macros, syncPoints, end: i };
        syncPoints.push(i);
      }
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
      // Whether it is a raw string depends on the next characters, maybe on the next line.
      looked = Math.max(looked, i + 18);
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
        const { close, seen } = balancedArgsEnd(src, end);
        looked = Math.max(looked, seen);
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
          const { close, seen } = balancedArgsEnd(src, end);
          looked = Math.max(looked, seen);
          if (close > 0) end = close;
        }
        blank(out, start, end);
        macros.push({ name: word, offset: start, end, facts: salFacts(word) });
      } else if (!isMember && (code === 95 || word.startsWith('DECLSPEC_')) && ARG_MACRO_PATTERNS.some((re) => re.test(word))) {
        const { close, seen } = balancedArgsEnd(src, end);
        looked = Math.max(looked, seen);
        if (close > 0) end = close;
        blank(out, start, end);
        macros.push({ name: word, offset: start, end, facts: salFacts(word) });
      }
      i = end;
      continue;
    }
    i++;
  }
  return { text: out.result(n), macros, syncPoints, end: n };
}

/** Collects the ranges to blank and builds the blanked text once, from slices (no per-character array). */
class Blanker {
  private readonly ranges: Array<[number, number]> = [];
  constructor(
    private readonly src: string,
    private readonly from: number,
  ) {}
  add(start: number, end: number): void {
    this.ranges.push([start, end]);
  }
  /** The blanked text of [from, to). */
  result(to: number): string {
    return blankRanges(this.src, this.ranges, this.from, to);
  }
}

/**
 * `text[from, to)` with every character of the ranges but line breaks made a space (ranges may overlap,
 * in any order), built from slices: this runs over whole documents on every keystroke.
 */
export function blankRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>, from = 0, to = text.length): string {
  if (ranges.length === 0) return from === 0 && to === text.length ? text : text.slice(from, to);
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const parts: string[] = [];
  let at = from;
  for (const [start, end] of sorted) {
    const s = Math.max(start, at);
    if (end <= s) continue;
    // Spaces, but line breaks stay where they are.
    parts.push(text.slice(at, s), text.slice(s, end).replace(/[^\r\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
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

/**
 * If `(` follows (after spaces), `close` is the offset just past its balanced `)`, else -1; `seen` is the
 * furthest offset read to decide (a later edit there can change the answer).
 */
function balancedArgsEnd(src: string, from: number): { close: number; seen: number } {
  let k = from;
  while (k < src.length && (src[k] === ' ' || src[k] === '\t')) k++;
  if (src[k] !== '(') return { close: -1, seen: k };
  let depth = 0;
  for (; k < src.length; k++) {
    const c = src[k];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return { close: k + 1, seen: k };
    } else if (c === ';' || c === '{') return { close: -1, seen: k };
  }
  return { close: -1, seen: k };
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
