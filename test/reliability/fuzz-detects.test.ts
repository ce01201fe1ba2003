/**
 * The fuzzer itself: it tells a throw, a stack overflow, a hang and a dead child apart (faults injected
 * in its child process through WSPLINT_FUZZ_FAULTS), keeps going after each, and replays saved
 * regressions; and it exits non-zero when something failed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReplayResult } from '../fuzz/fuzz';
import { lastJson, runFuzz } from './fuzz-run';

test('each kind of failure is detected and named, and the run goes on after it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wsplint-fuzz-faults-'));
  try {
    // 'none' right after the hang: the killed child's late exit must not be taken for its successor's.
    const kinds = ['throw', 'overflow', 'hang', 'none', 'exit', 'none'];
    kinds.forEach((k, i) => {
      const base = `case-${i}-${k}`;
      writeFileSync(join(dir, `${base}.c`), `/* @@fault:${k}@@ */\nint f(void) { return 0; }\n`);
      writeFileSync(join(dir, `${base}.json`), JSON.stringify({ kind: 'throw', message: '', recipe: 'test', seed: 0, index: i, path: `${base}.c`, found: '' }));
    });
    const p = await runFuzz(['--replay', dir, '--json', '--budget-scale', '0.4'], { WSPLINT_FUZZ_FAULTS: '1' });
    const results = lastJson<ReplayResult[]>(p);
    assert.deepEqual(
      results.map((r) => r.kind),
      ['throw', 'stack-overflow', 'hang', 'ok', 'died', 'ok'],
    );
    assert.match(results[0].message ?? '', /injected fault/);
    assert.match(results[4].message ?? '', /exit code 70/);
    assert.equal(p.code, 1, 'failures make the exit code 1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the same seed replays the same inputs', async () => {
  const a = await runFuzz(['--seed', '5', '--count', '40', '--no-canonical', '--no-save', '--json']);
  const b = await runFuzz(['--seed', '5', '--count', '40', '--no-canonical', '--no-save', '--json']);
  const sa = lastJson<{ bytes: number; outcomes: unknown; decoded: unknown }>(a);
  const sb = lastJson<{ bytes: number; outcomes: unknown; decoded: unknown }>(b);
  assert.equal(sa.bytes, sb.bytes);
  assert.deepEqual(sa.decoded, sb.decoded);
});

test('bad arguments exit with 2', async () => {
  const p = await runFuzz(['--count', 'many']);
  assert.equal(p.code, 2);
  assert.match(p.stderr, /--count needs a non-negative number/);
});
