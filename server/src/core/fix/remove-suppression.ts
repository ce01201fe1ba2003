/**
 * For `unused-suppression` and `unknown-suppression`: remove the rule from the directive, or the whole
 * comment (and its line, when the comment is alone on it) when it was the only rule.
 */
import type { Finding } from '../types';
import { parseDirectives } from '../suppress';
import type { FixChoice, FixContext } from './types';

export function removeSuppressionFix(finding: Finding, ctx: FixContext): FixChoice | null {
  const { text } = ctx;
  const at = finding.range.startOffset;
  const d = parseDirectives(text).find((x) => at >= x.start && at < x.end);
  if (!d) return null;
  const idx = d.rules.findIndex((r) => at >= r.start && at < r.end);
  if (d.rules.length <= 1 || idx < 0) {
    const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
    const nl = text.indexOf('\n', d.end);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const aloneOnLine = text.slice(lineStart, d.start).trim() === '' && text.slice(d.end, nl < 0 ? text.length : nl).trim() === '';
    const edit = aloneOnLine ? { start: lineStart, end: lineEnd, newText: '' } : { start: trimLeft(text, d.start), end: d.end, newText: '' };
    return { title: 'Remove this suppression comment', edits: [edit], safe: true };
  }
  const r = d.rules[idx];
  // Remove the rule with the separator on one side of it: ", rule" or "rule, ".
  const before = idx > 0 ? d.rules[idx - 1].end : r.start;
  const after = idx > 0 ? r.end : d.rules[idx + 1].start;
  return { title: `Remove ${r.id} from this suppression`, edits: [{ start: before, end: after, newText: '' }], safe: true };
}

function trimLeft(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}
