import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySuppressions } from '../../server/src/core/suppress';
import { RULE_IDS, type Finding, type RuleId } from '../../server/src/core';

const PATH = 'provider.c';

/** A finding of `rule` at the first occurrence of `needle` in `text`. */
function findingAt(text: string, needle: string, rule: RuleId, file = PATH): Finding {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `fixture lacks ${needle}`);
  const before = text.slice(0, start);
  const line = before.split('\n').length - 1;
  const column = start - (before.lastIndexOf('\n') + 1);
  return {
    rule,
    severity: 'error',
    message: 'm',
    file,
    range: { start: { line, column }, end: { line, column: column + needle.length }, startOffset: start, endOffset: start + needle.length },
    function: 'WSPConnect',
    steps: [],
    fingerprint: `${rule}|${needle}`,
  };
}

const SOURCE = [
  'int WSPAPI WSPConnect(SOCKET s, LPINT lpErrno) {',
  '    if (s == 0)',
  '        // wsplint-disable-next-line errno-not-set: the dispatcher already set it',
  '        return SOCKET_ERROR;',
  '    if (s == 1) return SOCKET_ERROR; // wsplint-disable-line errno-not-set: same',
  '    if (s == 2) return SOCKET_ERROR;',
  '    // wsplint-disable errno-not-set: legacy block',
  '    if (s == 3) return SOCKET_ERROR /*3*/;',
  '    // wsplint-enable errno-not-set',
  '    if (s == 4) return SOCKET_ERROR /*4*/;',
  '    return 0;',
  '}',
].join('\n');

test('next-line, line and disable/enable suppress exactly the findings they cover', () => {
  const fs = [
    findingAt(SOURCE, 'return SOCKET_ERROR;', 'errno-not-set'),
    findingAt(SOURCE, 'return SOCKET_ERROR; //', 'errno-not-set'),
    findingAt(SOURCE, 'return SOCKET_ERROR;\n    // wsplint-disable ', 'errno-not-set'),
    findingAt(SOURCE, 'return SOCKET_ERROR /*3*/', 'errno-not-set'),
    findingAt(SOURCE, 'return SOCKET_ERROR /*4*/', 'errno-not-set'),
  ];
  const r = applySuppressions(SOURCE, PATH, fs, RULE_IDS);
  assert.deepEqual(r.findings.map((f) => f.range.start.line), [5, 9]);
  assert.deepEqual(r.extra, []);
});

test('a suppression only hides its own rule', () => {
  const f = findingAt(SOURCE, 'return SOCKET_ERROR; //', 'non-wsa-error');
  const r = applySuppressions(SOURCE, PATH, [f], RULE_IDS);
  assert.equal(r.findings.length, 1);
  // ...and the errno-not-set suppressions that now hide nothing are reported, at the rule name.
  assert.deepEqual(r.extra.map((e) => [e.rule, e.range.start.line]), [
    ['unused-suppression', 2],
    ['unused-suppression', 4],
    ['unused-suppression', 6],
  ]);
  const e = r.extra[1];
  assert.equal(SOURCE.slice(e.range.startOffset, e.range.endOffset), 'errno-not-set');
  assert.match(e.message, /suppresses nothing/);
});

test('findings of other files pass through untouched', () => {
  const f = findingAt(SOURCE, 'return SOCKET_ERROR; //', 'errno-not-set', 'other.c');
  const r = applySuppressions(SOURCE, PATH, [f], RULE_IDS);
  assert.deepEqual(r.findings, [f]);
});

test('an unknown rule id is reported with a suggestion and is not also reported unused', () => {
  const text = 'int x;\n// wsplint-disable-next-line errno-not-sett: typo\nreturn SOCKET_ERROR;\n';
  const r = applySuppressions(text, PATH, [], RULE_IDS);
  assert.equal(r.extra.length, 1);
  assert.equal(r.extra[0].rule, 'unknown-suppression');
  assert.equal(r.extra[0].severity, 'warning');
  assert.match(r.extra[0].message, /Unknown rule "errno-not-sett".*did you mean "errno-not-set"/);
  assert.deepEqual(r.extra[0].range.start, { line: 1, column: 29 });
});

test('a directive that names no rule is reported', () => {
  const r = applySuppressions('// wsplint-disable-next-line: because\nreturn 1;\n', PATH, [], RULE_IDS);
  assert.deepEqual(r.extra.map((e) => e.rule), ['unknown-suppression']);
  assert.match(r.extra[0].message, /names no rule/);
});

test('an unclosed disable runs to the end of the file; CRLF files work the same', () => {
  const text = ['// wsplint-disable errno-not-set: generated file', 'int a;', 'return SOCKET_ERROR;'].join('\r\n');
  const f = findingAt(text, 'return SOCKET_ERROR;', 'errno-not-set');
  assert.equal(f.range.start.line, 2);
  const r = applySuppressions(text, PATH, [f], RULE_IDS);
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.extra, []);
});

test('accepts the known rule ids as an array too', () => {
  const text = '// wsplint-disable-line errno-not-set: x\n';
  const r = applySuppressions(text, PATH, [], ['errno-not-set']);
  assert.deepEqual(r.extra.map((e) => e.rule), ['unused-suppression']);
});
