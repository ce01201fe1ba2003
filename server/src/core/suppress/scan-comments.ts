/**
 * Finds the comments of a C/C++ source text without a parser: a directive inside a string literal
 * (`"// wsplint-disable ..."`) must not count, and the scan must work on files that do not parse.
 */
export interface SourceComment {
  /** Offset of the opening `//` or `/*`. */
  start: number;
  /** Offset just past the comment (before the newline for `//`, after the `*\/` for block comments). */
  end: number;
  /** Text between the delimiters. */
  body: string;
  /** Offset of `body` in the file. */
  bodyStart: number;
  block: boolean;
}

export function scanComments(text: string): SourceComment[] {
  const out: SourceComment[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const start = i;
      let j = i + 2;
      // A backslash-newline continues a line comment onto the next line (translation phase 2).
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 0x0a) {
          let k = j - 1;
          if (k >= 0 && text.charCodeAt(k) === 0x0d) k--;
          if (k >= start + 2 && text.charCodeAt(k) === 0x5c) {
            j++;
            continue;
          }
          break;
        }
        j++;
      }
      let end = j;
      if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      out.push({ start, end, body: text.slice(start + 2, end), bodyStart: start + 2, block: false });
      i = j;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      out.push({ start: i, end, body: text.slice(i + 2, close < 0 ? n : close), bodyStart: i + 2, block: true });
      i = end;
    } else if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      i = skipQuoted(text, i, c);
    } else if (c === 0x52 /* R */ && text.charCodeAt(i + 1) === 0x22 && !isIdentChar(text.charCodeAt(i - 1))) {
      i = skipRawString(text, i + 1);
    } else {
      i++;
    }
  }
  return out;
}

function isIdentChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** Skips a string or character literal; an unterminated one ends at the end of its line. */
function skipQuoted(text: string, i: number, quote: number): number {
  let j = i + 1;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 0x5c) {
      j += 2;
      continue;
    }
    if (d === quote) return j + 1;
    if (d === 0x0a) return j;
    j++;
  }
  return j;
}

/** C++11 raw string `R"delim( ... )delim"`, which may contain quotes and newlines. */
function skipRawString(text: string, quoteAt: number): number {
  const open = text.indexOf('(', quoteAt);
  if (open < 0 || open - quoteAt > 17) return quoteAt + 1;
  const delim = text.slice(quoteAt + 1, open);
  const close = text.indexOf(`)${delim}"`, open);
  return close < 0 ? text.length : close + delim.length + 2;
}
