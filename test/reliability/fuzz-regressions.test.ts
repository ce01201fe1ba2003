/**
 * Every input the fuzzer ever broke the core with (test/reliability/regressions/: the bytes, and a .json
 * saying what broke and how the input was made) is replayed with the fuzzer's budget: each must now
 * pass. A failing one here is an open core bug; its .json names the cause.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ReplayResult } from '../fuzz/fuzz';
import { lastJson, ROOT, runFuzz } from './fuzz-run';

const DIR = join(ROOT, 'test', 'reliability', 'regressions');

test('fuzz regressions replay without failure', async (t) => {
  const expected = readdirSync(DIR).filter((n) => n.endsWith('.json')).length;
  const p = await runFuzz(['--replay', DIR, '--json']);
  const results = lastJson<ReplayResult[]>(p);
  assert.equal(results.length, expected, 'every saved regression was replayed');
  for (const r of results) {
    await t.test(basename(r.file), () => {
      assert.equal(r.kind, 'ok', `${r.kind} (found as ${r.expectedKind}): ${r.message ?? ''}`);
    });
  }
});
