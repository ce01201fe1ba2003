/**
 * Parses wsplint suppression comments:
 *   // wsplint-disable-next-line <rule>[, <rule>]: <reason>
 *   // wsplint-disable-line <rule>[, <rule>]: <reason>
 *   // wsplint-disable <rule>[, <rule>]: <reason>   ...   // wsplint-enable [<rule>[, <rule>]]
 * Block comments (`/* wsplint-disable-line ... *\/`) work the same. The directive must open the comment,
 * so prose that mentions a directive is not one. The reason follows the first `:` (or ` -- `).
 */
import { scanComments } from './scan-comments';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

/** One rule name as written in a directive, with its offsets (for precise unknown/unused reports). */
export interface DirectiveRule {
  id: string;
  start: number;
  end: number;
}

export interface SuppressionDirective {
  kind: DirectiveKind;
  rules: DirectiveRule[];
  /** Text after the `:`; null when the directive gives none. */
  reason: string | null;
  /** Offsets of the whole comment. */
  start: number;
  end: number;
  /** 0-based line of the comment's first character. */
  line: number;
  /**
   * Lines whose findings the directive covers: its own line for `disable-line`, the next line with code
   * for `disable-next-line` (blank and comment-only lines are skipped, so directives can be stacked);
   * null for `disable`/`enable`, which work by offset.
   */
  targetLine: number | null;
}

const DIRECTIVE = /^(\s*)wsplint-(disable-next-line|disable-line|disable|enable)(?![\w-])/;

export function parseDirectives(text: string): SuppressionDirective[] {
  // Most files have none: a text test spares the comment scan on every keystroke.
  if (!text.includes('wsplint-')) return [];
  const comments = scanComments(text);
  const lineStarts = computeLineStarts(text);
  const hasCode = codeLines(text, comments, lineStarts.length);
  const out: SuppressionDirective[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) continue;
    const kind = m[2] as DirectiveKind;
    const restStart = c.bodyStart + m[0].length;
    const rest = text.slice(restStart, c.bodyStart + c.body.length);
    const { rulesText, reason } = splitReason(rest);
    const rules: DirectiveRule[] = [];
    for (const t of rulesText.matchAll(/[^\s,]+/g)) {
      const start = restStart + (t.index ?? 0);
      rules.push({ id: t[0], start, end: start + t[0].length });
    }
    const line = lineOf(lineStarts, c.start);
    let targetLine: number | null = null;
    if (kind === 'disable-line') targetLine = line;
    if (kind === 'disable-next-line') {
      let l = lineOf(lineStarts, Math.max(c.start, c.end - 1)) + 1;
      while (l < hasCode.length && !hasCode[l]) l++;
      targetLine = l;
    }
    out.push({ kind, rules, reason, start: c.start, end: c.end, line, targetLine });
  }
  return out;
}

function splitReason(rest: string): { rulesText: string; reason: string | null } {
  const colon = rest.indexOf(':');
  const dashes = rest.indexOf(' -- ');
  let cut = -1;
  let width = 0;
  if (colon >= 0 && (dashes < 0 || colon < dashes)) {
    cut = colon;
    width = 1;
  } else if (dashes >= 0) {
    cut = dashes;
    width = 4;
  }
  if (cut < 0) return { rulesText: rest, reason: null };
  const reason = rest.slice(cut + width).trim();
  return { rulesText: rest.slice(0, cut), reason: reason.length > 0 ? reason : null };
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) starts.push(i + 1);
  return starts;
}

/** 0-based line of an offset (binary search over line starts). */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each line: does it hold anything other than whitespace and comments? */
function codeLines(text: string, comments: { start: number; end: number }[], lineCount: number): boolean[] {
  const has = new Array<boolean>(lineCount).fill(false);
  let line = 0;
  let ci = 0;
  for (let i = 0; i < text.length; i++) {
    if (ci < comments.length && i === comments[ci].start) {
      for (; i < comments[ci].end; i++) if (text.charCodeAt(i) === 0x0a) line++;
      ci++;
      i--;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0c && c !== 0x0b) has[line] = true;
  }
  return has;
}
