/**
 * Fixes for thousands of findings in one file: computing every quick fix (as code actions and the fuzzer
 * do) takes time linear in the findings, not findings x file size. The fuzzer found the quadratic case
 * (comments rescanned and the style re-detected for every fix).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../server/src/core';
import { detectStyle, disableLineFix, fixContext, fixesFor } from '../../server/src/core/fix';
import { contractForFunction } from '../../server/src/core/spec/implementation-of';

const SIG =
  'int WSPAPI WSPConnect@(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData, ' +
  'LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)\n';

test('every fix of 2,000 findings in a 250 KB file is computed in linear time', async (t) => {
  const parts: string[] = [];
  for (let i = 0; i < 1000; i++) parts.push(`${SIG.replace('@', String(i))}{ /* c */ if (namelen < ${i}) return SOCKET_ERROR; return 0; }\n`);
  // Installed in a proc table, so that each is judged as a WSPConnect implementation.
  parts.push('void Fill(LPWSPPROC_TABLE t) {', ...Array.from({ length: 1000 }, (_, i) => `  t->lpWSPConnect = WSPConnect${i};`), '}');
  const text = parts.join('\n');
  const analyzer = await createAnalyzer();
  const findings = analyzer.analyze([{ path: 'many.c', text }]).findings;
  assert.ok(findings.length >= 2000, `${findings.length} findings`);
  const t0 = performance.now();
  let choices = 0;
  for (const f of findings) {
    const ctx = fixContext(text, f, contractForFunction);
    choices += fixesFor(f, ctx).length + 1;
    disableLineFix(f, ctx);
  }
  const ms = performance.now() - t0;
  t.diagnostic(`${choices} fix choices for ${findings.length} findings in ${Math.round(ms)} ms`);
  assert.ok(ms < 3000, `${Math.round(ms)} ms`);
});

test("the file's brace style is read in linear time, even from one 400 KB line", () => {
  const line = 'if (s) {'.repeat(50_000) + '}'.repeat(50_000);
  const t0 = performance.now();
  const style = detectStyle(`int f(int s)\n{\n${line}\n}\n`);
  const ms = performance.now() - t0;
  assert.ok(ms < 1000, `${Math.round(ms)} ms`);
  assert.equal(style.braceOnOwnLine, false);
  assert.equal(detectStyle('void f(void)\n{\n    if (a)\n    {\n        g();\n    }\n    while (b)\n    {\n    }\n}\n').braceOnOwnLine, true);
  assert.equal(detectStyle('void f(void) {\n\tif (a) {\n\t\tg();\n\t}\n}\n').braceOnOwnLine, false);
});
