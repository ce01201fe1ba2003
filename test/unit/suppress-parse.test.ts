import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDirectives, scanComments } from '../../server/src/core/suppress';

test('scanComments skips comment markers inside string, char and raw string literals', () => {
  const text = ['const char *a = "// not a comment";', "char b = '/';", 'const char *c = R"x(/* no */)x"; // yes', '/* block */'].join('\n');
  const bodies = scanComments(text).map((c) => c.body.trim());
  assert.deepEqual(bodies, ['yes', 'block']);
});

test('a line comment continued with a backslash runs onto the next line', () => {
  const text = '// first \\\nstill comment\nint x;';
  const [c] = scanComments(text);
  assert.equal(c.body, ' first \\\nstill comment');
});

test('parses next-line, line, disable and enable directives with rules and reasons', () => {
  const text = [
    'int f(void) {', // 0
    '    // wsplint-disable-next-line errno-not-set, non-wsa-error: the caller sets it', // 1
    '    return SOCKET_ERROR;', // 2
    '    x = 1; /* wsplint-disable-line callee-len-not-set -- checked by the macro */', // 3
    '    // wsplint-disable name-unchecked', // 4
    '    // wsplint-enable', // 5
    '}',
  ].join('\n');
  const ds = parseDirectives(text);
  assert.deepEqual(
    ds.map((d) => ({ kind: d.kind, rules: d.rules.map((r) => r.id), reason: d.reason, line: d.line, target: d.targetLine })),
    [
      { kind: 'disable-next-line', rules: ['errno-not-set', 'non-wsa-error'], reason: 'the caller sets it', line: 1, target: 2 },
      { kind: 'disable-line', rules: ['callee-len-not-set'], reason: 'checked by the macro', line: 3, target: 3 },
      { kind: 'disable', rules: ['name-unchecked'], reason: null, line: 4, target: null },
      { kind: 'enable', rules: [], reason: null, line: 5, target: null },
    ],
  );
  const r = ds[0].rules[1];
  assert.equal(text.slice(r.start, r.end), 'non-wsa-error');
});

test('stacked next-line directives and blank lines both target the next line with code', () => {
  const text = ['// wsplint-disable-next-line a: one', '// wsplint-disable-next-line b: two', '', 'return 1;'].join('\r\n');
  assert.deepEqual(parseDirectives(text).map((d) => d.targetLine), [3, 3]);
});

test('prose mentioning a directive, and directives in strings, are not directives', () => {
  const text = ['// see wsplint-disable-next-line in the docs', 'const char *s = "// wsplint-disable-line x";', '// wsplint-disabled x'].join('\n');
  assert.deepEqual(parseDirectives(text), []);
});
