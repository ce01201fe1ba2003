/**
 * "Disable for this line": a `// wsplint-disable-next-line <rule>: <reason>` above the finding, with a
 * reason placeholder, since a suppression without a reason cannot be audited. Inside a macro (a line
 * ending in a backslash, or continuing one) a new line would cut the macro, so a `disable-line` block
 * comment goes at the end of the line instead.
 */
import type { Finding } from '../types';
import { indentAt } from './text-style';
import type { FixChoice, FixContext } from './types';

export const REASON_PLACEHOLDER = 'TODO: say why this is safe';

export function disableLineFix(finding: Finding, ctx: FixContext): FixChoice {
  const { text, style } = ctx;
  const start = finding.range.startOffset;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', start);
  const lineEnd = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  const prevLine = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, Math.max(lineStart - 1, 0)).replace(/\r$/, '');
  const line = text.slice(lineStart, lineEnd);
  const title = `Disable ${finding.rule} for this line`;
  if (line.trimEnd().endsWith('\\') || (lineStart > 0 && prevLine.trimEnd().endsWith('\\'))) {
    const slash = line.trimEnd().endsWith('\\') ? lineStart + line.lastIndexOf('\\') : lineEnd;
    const comment = `/* wsplint-disable-line ${finding.rule}: ${REASON_PLACEHOLDER} */`;
    const pad = slash === lineEnd ? ' ' : '';
    return { title, edits: [{ start: slash, end: slash, newText: `${pad}${comment}${slash === lineEnd ? '' : ' '}` }], safe: false };
  }
  const indent = indentAt(text, lineStart);
  const comment = `${indent}// wsplint-disable-next-line ${finding.rule}: ${REASON_PLACEHOLDER}${style.eol}`;
  return { title, edits: [{ start: lineStart, end: lineStart, newText: comment }], safe: false };
}
