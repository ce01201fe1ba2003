/** The file's own conventions, so an inserted line looks like its neighbours. */
export interface TextStyle {
  eol: '\n' | '\r\n';
  /** One indentation level: a tab or some spaces. */
  unit: string;
  /** `if (x)\n{` (Allman) rather than `if (x) {`. */
  braceOnOwnLine: boolean;
}

const STYLES = new Map<string, TextStyle>();

/** The style of a text, remembered for a few recent texts (fixes ask once per finding). */
export function detectStyle(text: string): TextStyle {
  let style = STYLES.get(text);
  if (!style) {
    style = computeStyle(text);
    if (STYLES.size >= 8) STYLES.delete(STYLES.keys().next().value as string);
    STYLES.set(text, style);
  }
  return style;
}

function computeStyle(text: string): TextStyle {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  const eol = crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';

  let tabs = 0;
  let spaces = 0;
  const widths = new Map<number, number>();
  let prev = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    // Block-comment continuation lines (` * ...`) are indented by one space: not an indentation level.
    if (trimmed === '' || trimmed.startsWith('*') || trimmed.startsWith('#')) continue;
    const ws = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (ws.startsWith('\t')) tabs++;
    else if (ws.length > 0) spaces++;
    if (!ws.includes('\t')) {
      const d = ws.length - prev;
      if (d >= 2 && d <= 8) widths.set(d, (widths.get(d) ?? 0) + 1);
      prev = ws.length;
    }
  }
  let width = 4;
  let best = 0;
  for (const [w, n] of widths) if (n > best || (n === best && w < width)) [width, best] = [w, n];
  const unit = tabs > spaces ? '\t' : ' '.repeat(width);

  // Line by line: a regex with `.*` over the whole text backtracks quadratically on a very long line.
  let sameLine = 0;
  let ownLine = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const kw = /\b(?:if|for|while|switch)\s*\(/.exec(lines[i]);
    if (!kw) continue;
    const rest = lines[i].slice(kw.index).replace(/\r$/, '');
    if (/\)[ \t]*\{/.test(rest)) sameLine++;
    else if (/\)[ \t]*$/.test(rest) && /^[ \t]*\{/.test(lines[i + 1] ?? '')) ownLine++;
  }
  return { eol, unit, braceOnOwnLine: ownLine > sameLine };
}

/** Leading whitespace of the line that holds `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 1000))?.[0] ?? '';
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
