/** fix-all in rounds, with a stand-in analyzer; and removal of unused suppressions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core';
import { getContract } from '../../server/src/core/spec';
import { applyEdits, detectStyle, removeSuppressionFix, type FixContext } from '../../server/src/core/fix';
import { fixAll, minimalEdit } from '../../server/src/core/fix';
import { findingWith } from './findings';

const ctx = (text: string): FixContext => ({ text, style: detectStyle(text), contract: getContract('WSPConnect') });

/** Stand-in analyzer: every `return SOCKET_ERROR;` not preceded by an errno store, and every POSIX ECONNREFUSED. */
function fakeAnalyze(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/return SOCKET_ERROR;/g)) {
    const before = text.slice(0, m.index).trimEnd();
    if (/\*lpErrno = \w+;$/.test(before)) continue;
    const suggested = before.endsWith('{') ? 'WSAENOTSOCK' : null;
    out.push(findingWith(text, 'errno-not-set', m.index ?? 0, { kind: 'set-errno-before-return', returnOffset: m.index ?? 0, errnoParam: 'lpErrno', suggested }));
  }
  for (const m of text.matchAll(/\bECONNREFUSED\b/g)) {
    const s = m.index ?? 0;
    if (text[s - 1] === 'A') continue;
    out.push(findingWith(text, 'non-wsa-error', s, { kind: 'replace-code', startOffset: s, endOffset: s + 12, replacement: 'WSAECONNREFUSED' }));
  }
  return out;
}

const SOURCE = [
  'int WSPConnect(SOCKET s, LPINT lpErrno)',
  '{',
  '    if (s == 0) {',
  '        return SOCKET_ERROR;',
  '    }',
  '    if (s == 1)',
  '        return SOCKET_ERROR;',
  '    if (s == 2) {',
  '        *lpErrno = ECONNREFUSED;',
  '        return SOCKET_ERROR;',
  '    }',
  '    return 0;',
  '}',
  '',
].join('\r\n');

test('fix-all applies every safe fix, leaves the ones needing a choice, keeps CRLF', () => {
  const { edit, applied } = fixAll(SOURCE, fakeAnalyze, ctx);
  assert.ok(edit);
  const out = applyEdits(SOURCE, [edit]);
  assert.equal(applied, 2);
  assert.ok(out.includes('    if (s == 0) {\r\n        *lpErrno = WSAENOTSOCK;\r\n        return SOCKET_ERROR;'));
  assert.ok(out.includes('*lpErrno = WSAECONNREFUSED;'));
  // The braceless return has no suggested code: it needs the user's pick, so it stays.
  assert.ok(out.includes('    if (s == 1)\r\n        return SOCKET_ERROR;'));
  assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
  assert.deepEqual(fakeAnalyze(out).map((f) => f.rule), ['errno-not-set']);
});

test('fix-all with nothing safe gives no edit', () => {
  assert.equal(fixAll('int x;\n', fakeAnalyze, ctx).edit, null);
});

test('minimalEdit covers only the changed middle', () => {
  assert.deepEqual(minimalEdit('abcXYZdef', 'abc123def'), { start: 3, end: 6, newText: '123' });
  assert.equal(minimalEdit('same', 'same'), null);
});

test('removing an unused suppression: one rule of several, or the whole comment line', () => {
  const text = 'int x;\n    // wsplint-disable-next-line errno-not-set, non-wsa-error: why\nreturn 1;\n';
  const r1 = removeSuppressionFix(findingWith(text, 'unused-suppression', text.indexOf('non-wsa-error')), ctx(text));
  assert.equal(applyEdits(text, r1?.edits ?? []), 'int x;\n    // wsplint-disable-next-line errno-not-set: why\nreturn 1;\n');
  const r2 = removeSuppressionFix(findingWith(text, 'unused-suppression', text.indexOf('errno-not-set')), ctx(text));
  assert.equal(applyEdits(text, r2?.edits ?? []), 'int x;\n    // wsplint-disable-next-line non-wsa-error: why\nreturn 1;\n');
  const single = 'int x;\n    // wsplint-disable-next-line errno-not-set: why\nreturn 1;\n';
  const r3 = removeSuppressionFix(findingWith(single, 'unused-suppression', single.indexOf('errno-not-set')), ctx(single));
  assert.equal(applyEdits(single, r3?.edits ?? []), 'int x;\nreturn 1;\n');
  const trailing = 'return 1; // wsplint-disable-line errno-not-set: why\n';
  const r4 = removeSuppressionFix(findingWith(trailing, 'unused-suppression', trailing.indexOf('errno-not-set')), ctx(trailing));
  assert.equal(applyEdits(trailing, r4?.edits ?? []), 'return 1;\n');
});
