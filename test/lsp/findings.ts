/** Hand-built findings for tests of the LSP layer before (and besides) the real analysis. */
import type { Finding, FixHint } from '../../server/src/core';

export function findingWith(text: string, rule: Finding['rule'], offset: number, fix?: FixHint, file = 'golden.c'): Finding {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1);
  return {
    rule,
    severity: 'error',
    message: 'test finding',
    file,
    range: { start: { line, column }, end: { line, column: column + 1 }, startOffset: offset, endOffset: offset + 1 },
    function: 'WSPConnect',
    steps: [],
    fix,
    fingerprint: `${rule}@${offset}`,
  };
}
