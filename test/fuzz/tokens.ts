/**
 * A rough C tokenizer for the mutator: it only needs token boundaries (identifiers, numbers, strings,
 * comments, punctuation), so that deleting or swapping token ranges produces code that is broken the way
 * half-typed code is, rather than only random bytes.
 */
export interface TokenSpan {
  start: number;
  end: number;
}

const PUNCT3 = ['<<=', '>>=', '...', '->*'];
const PUNCT2 = ['->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '::', '##'];

export function tokenize(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    const start = i;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (text.startsWith('/*', i)) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < n && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
    } else if (/[A-Za-z_0-9]/.test(c)) {
      while (i < n && /[A-Za-z_0-9.]/.test(text[i])) i++;
    } else {
      const p = PUNCT3.find((x) => text.startsWith(x, i)) ?? PUNCT2.find((x) => text.startsWith(x, i));
      i += p ? p.length : 1;
    }
    out.push({ start, end: i });
  }
  return out;
}
