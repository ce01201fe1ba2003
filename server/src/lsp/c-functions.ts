/**
 * Function definitions of a C/C++ text, found with a small lexer rather than the parser: hovers need only
 * "which function is this offset in, and what are its parameters", and must work while the user is in
 * the middle of typing something that does not parse. No LSP imports.
 */
import { blankRanges } from '../core/parse/blank';
import { scanComments } from '../core/suppress';

export interface CParam {
  name: string;
  /** Offsets of the name. */
  start: number;
  end: number;
}

export interface CFunction {
  name: string;
  nameStart: number;
  params: CParam[];
  /** Offsets of the body's `{` and just past its `}`. */
  bodyStart: number;
  bodyEnd: number;
}

const NOT_FUNCTIONS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'sizeof', '__declspec', 'defined', '__attribute__', 'alignof', 'decltype', 'static_assert']);

/** `masked`: maskNonCode(text), when the caller has it already. */
export function findFunctions(text: string, masked = maskNonCode(text)): CFunction[] {
  const out: CFunction[] = [];
  // Braces of scopes that may hold functions: file, namespace, extern "C", class bodies.
  const stack: Array<{ fn: CFunction | null }> = [];
  let inFunction = 0;
  // Only braces matter here: jump from one to the next instead of looking at every character.
  const braces = /[{}]/g;
  for (let m = braces.exec(masked); m; m = braces.exec(masked)) {
    const i = m.index;
    if (m[0] === '{') {
      if (inFunction > 0) {
        inFunction++;
        continue;
      }
      const fn = headerBefore(text, masked, i);
      if (fn) {
        inFunction = 1;
        stack.push({ fn });
      } else stack.push({ fn: null });
    } else {
      if (inFunction > 1) {
        inFunction--;
        continue;
      }
      const top = stack.pop();
      if (top?.fn) {
        top.fn.bodyEnd = i + 1;
        out.push(top.fn);
        inFunction = 0;
      }
    }
  }
  // An unclosed body (the user is typing) runs to the end of the text.
  for (const s of stack) if (s.fn) out.push({ ...s.fn, bodyEnd: text.length });
  return out.sort((a, b) => a.bodyStart - b.bodyStart);
}

export function functionAt(text: string, offset: number): CFunction | undefined {
  return findFunctions(text).find((f) => offset >= f.nameStart && offset < f.bodyEnd);
}

/** `{` preceded by `name(params)` (and maybe `const`, SAL-free qualifiers): a function body. */
function headerBefore(text: string, masked: string, brace: number): CFunction | null {
  let i = brace - 1;
  const skipWs = (): void => {
    while (i >= 0 && /\s/.test(masked[i])) i--;
  };
  skipWs();
  // Trailing qualifiers: `) const {`, `) noexcept {`, `) override {`.
  for (;;) {
    const m = /(?:const|noexcept|override|final|volatile)$/.exec(masked.slice(Math.max(0, i - 10), i + 1));
    if (!m) break;
    i -= m[0].length;
    skipWs();
  }
  if (masked[i] !== ')') return null;
  const close = i;
  let depth = 0;
  for (; i >= 0; i--) {
    if (masked[i] === ')') depth++;
    else if (masked[i] === '(') {
      depth--;
      if (depth === 0) break;
    } else if (masked[i] === ';' || masked[i] === '{' || masked[i] === '}') return null;
  }
  if (i < 0) return null;
  const open = i;
  i--;
  skipWs();
  let s = i;
  while (s >= 0 && /[\w:~]/.test(masked[s])) s--;
  const qualified = masked.slice(s + 1, i + 1);
  const name = qualified.split('::').pop() ?? '';
  if (!/^[A-Za-z_~]\w*$/.test(name) || NOT_FUNCTIONS.has(name)) return null;
  return { name, nameStart: i + 1 - name.length, params: splitParams(text, masked, open + 1, close), bodyStart: brace, bodyEnd: brace + 1 };
}

function splitParams(text: string, masked: string, from: number, to: number): CParam[] {
  const params: CParam[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i <= to; i++) {
    const c = i === to ? ',' : masked[i];
    if (c === '(' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === ']' || c === '>') depth--;
    else if (c === ',' && depth === 0) {
      const p = lastIdentifier(masked, start, i);
      if (p) params.push({ name: text.slice(p.start, p.end), ...p });
      start = i + 1;
    }
  }
  return params;
}

/** The declarator's name: the last identifier outside brackets, not a `void` alone. */
function lastIdentifier(masked: string, from: number, to: number): { start: number; end: number } | null {
  let depth = 0;
  let best: { start: number; end: number } | null = null;
  const re = /[A-Za-z_]\w*|[()[\]]/g;
  re.lastIndex = from;
  for (let m = re.exec(masked); m && m.index < to; m = re.exec(masked)) {
    if (m[0] === '[' || m[0] === '(') depth++;
    else if (m[0] === ']' || m[0] === ')') depth--;
    else if (depth === 0) best = { start: m.index, end: m.index + m[0].length };
  }
  if (best && masked.slice(best.start, best.end) === 'void' && masked.slice(from, to).trim() === 'void') return null;
  return best;
}

/** The text with comments, literals and preprocessor lines replaced by spaces (offsets kept). */
export function maskNonCode(text: string): string {
  // Built from slices of ranges, not a char array: this runs on every keystroke over the whole document.
  const afterComments = blankRanges(text, scanComments(text).map((c) => [c.start, c.end] as const));
  const ranges: Array<readonly [number, number]> = [];
  for (const m of afterComments.matchAll(/"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/g)) ranges.push([m.index, m.index + m[0].length]);
  // Preprocessor lines (with continuations): `#define X {` must not open a scope.
  for (const m of afterComments.matchAll(/^[ \t]*#(?:[^\n]*\\\r?\n)*[^\n]*/gm)) ranges.push([m.index, m.index + m[0].length]);
  return blankRanges(afterComments, ranges);
}
