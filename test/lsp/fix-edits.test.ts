/** Fix edits from hand-built findings, against the golden files, in every layout. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getContract } from '../../server/src/core/spec';
import { applyEdits, detectStyle, disableLineFix, fixesFor, type FixContext } from '../../server/src/core/fix';
import { FIX_CASES, LAYOUTS } from './fix-cases';
import { findingWith } from './findings';
import { parseErrors } from './parse-check';

const GOLDEN = join(process.env.WSPLINT_ROOT ?? '.', 'test', 'lsp', 'golden');

function ctxOf(text: string): FixContext {
  return { text, style: detectStyle(text), contract: getContract('WSPConnect') };
}

for (const c of FIX_CASES) {
  for (const layout of LAYOUTS) {
    test(`fix ${c.name} (${layout.name}) gives the golden text`, async () => {
      const input = layout.apply(readFileSync(join(GOLDEN, `${c.name}.c`), 'utf8'));
      const expected = layout.apply(readFileSync(join(GOLDEN, `${c.name}.fixed.c`), 'utf8'));
      assert.notEqual(input, expected, 'a golden pair must differ');
      const finding = findingWith(input, c.rule, c.anchor(input), c.hint(input));
      const ctx = ctxOf(input);
      const choices = c.name === 'disable-line' ? [disableLineFix(finding, ctx)] : fixesFor(finding, ctx);
      const chosen = choices.filter((x) => x.title.includes(c.title));
      assert.equal(chosen.length, 1, `one action titled *${c.title}* among: ${choices.map((x) => x.title).join(' | ')}`);
      const output = applyEdits(input, chosen[0].edits);
      assert.equal(output, expected);
      if (layout.name === 'lf-spaces') {
        assert.deepEqual(await parseErrors(input), [], 'the golden input parses');
        assert.deepEqual(await parseErrors(output), [], 'the fixed text parses');
      }
    });
  }
}

test('without a suggested code, the user picks among the documented codes; none is "safe"', () => {
  const text = readFileSync(join(GOLDEN, 'set-errno-braceless.c'), 'utf8');
  const c = FIX_CASES.find((x) => x.name === 'set-errno-braceless');
  assert.ok(c);
  const choices = fixesFor(findingWith(text, 'errno-not-set', c.anchor(text), c.hint(text)), ctxOf(text));
  const documented = getContract('WSPConnect')?.errors.map((e) => e.code) ?? [];
  assert.ok(documented.length > 5);
  assert.deepEqual(choices.map((x) => /= (\w+)/.exec(x.title)?.[1]), documented);
  assert.ok(choices.every((x) => !x.safe));
  assert.match(choices.find((x) => x.title.includes('WSAECONNREFUSED'))?.title ?? '', /An attempt to connect was rejected/);
});

test('a statement under a braceless else gets braces, in Allman style when the file uses it', () => {
  const text = ['int f(LPINT lpErrno)', '{', '  if (a)', '  {', '    g();', '  }', '  else', '    return SOCKET_ERROR;', '  return 0;', '}', ''].join('\n');
  const f = findingWith(text, 'errno-not-set', text.indexOf('return SOCKET_ERROR'), {
    kind: 'set-errno-before-return',
    returnOffset: text.indexOf('return SOCKET_ERROR'),
    errnoParam: 'lpErrno',
    suggested: 'WSAEINVAL',
  });
  const [fix] = fixesFor(f, ctxOf(text));
  assert.equal(
    applyEdits(text, fix.edits),
    ['int f(LPINT lpErrno)', '{', '  if (a)', '  {', '    g();', '  }', '  else', '  {', '    *lpErrno = WSAEINVAL;', '    return SOCKET_ERROR;', '  }', '  return 0;', '}', ''].join('\n'),
  );
});

test('a return on the same line as its if gets braces and its own lines', () => {
  const text = 'int f(LPINT e) {\n    if (x) return SOCKET_ERROR; // no\n    return 0;\n}\n';
  const off = text.indexOf('return SOCKET_ERROR');
  const [fix] = fixesFor(findingWith(text, 'errno-not-set', off, { kind: 'set-errno-before-return', returnOffset: off, errnoParam: 'e', suggested: 'WSAENETDOWN' }), ctxOf(text));
  assert.equal(applyEdits(text, fix.edits), 'int f(LPINT e) {\n    if (x) {\n        *e = WSAENETDOWN;\n        return SOCKET_ERROR;\n    } // no\n    return 0;\n}\n');
});

test('wrapping a declaration in a NULL check is offered but not safe (it would end its scope)', () => {
  const text = 'int f(LPWSABUF cd) {\n    ULONG n = cd->len;\n    return n;\n}\n';
  const s = text.indexOf('ULONG');
  const e = text.indexOf(';', s) + 1;
  const [fix] = fixesFor(findingWith(text, 'callee-null-deref', s, { kind: 'null-guard', stmtStartOffset: s, stmtEndOffset: e, param: 'cd' }), ctxOf(text));
  assert.equal(fix.safe, false);
});

test('a copy length with a call in it is bounded but not safe (evaluated twice)', () => {
  const text = 'memcpy(cd->buf, p, strlen(p));';
  const s = text.indexOf('strlen');
  const [fix] = fixesFor(findingWith(text, 'callee-unbounded-copy', s, { kind: 'bound-copy', lenStartOffset: s, lenEndOffset: text.lastIndexOf(')'), calleeParam: 'cd' }), ctxOf(text));
  assert.equal(applyEdits(text, fix.edits), 'memcpy(cd->buf, p, ((strlen(p)) < cd->len ? (strlen(p)) : cd->len));');
  assert.equal(fix.safe, false);
});

test('disable for a line inside a macro uses a disable-line block comment before the backslash', () => {
  const text = '#define FAIL(e) \\\n    return SOCKET_ERROR; \\\n    x = 1\n';
  const off = text.indexOf('return');
  const fix = disableLineFix(findingWith(text, 'errno-not-set', off), ctxOf(text));
  assert.equal(applyEdits(text, fix.edits), '#define FAIL(e) \\\n    return SOCKET_ERROR; /* wsplint-disable-line errno-not-set: TODO: say why this is safe */ \\\n    x = 1\n');
});

test('the parse check itself catches a broken fix', async () => {
  assert.notDeepEqual(await parseErrors('int f(void)\n{\n    if (x) {\n        return 0;\n}\n'), []);
});
