/**
 * The short fuzz run of every `npm test`: seed 1, 300 inputs: the 29 canonical full-size pathological
 * inputs (10,000-deep nesting of each kind, 100k-line functions, 1 MB lines, NUL bytes, invalid UTF-8,
 * UTF-16) and 271 mutated fixtures. No throw, no stack overflow, no broken invariant, no input over its
 * budget. The long runs use the same code with a larger --count (docs/reliability.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FuzzSummary } from '../fuzz/fuzz';
import { lastJson, runFuzz } from './fuzz-run';

test('300 fuzz inputs (seed 1): no crash, no hang', async () => {
  const p = await runFuzz(['--seed', '1', '--count', '300', '--seconds', '1200', '--no-save', '--json']);
  const s = lastJson<FuzzSummary>(p);
  assert.equal(s.inputs, 300, `stopped by ${s.stoppedBy} after ${s.inputs} inputs`);
  const failures = s.failures.map((f) => `#${f.index} ${f.kind}: ${f.message.split('\n')[0]} (${f.recipe}, ${f.bytes} bytes)`);
  assert.deepEqual(failures, [], `replay one with: npm run fuzz -- --seed 1 --count <index+1> --verbose`);
  assert.equal(s.crashes + s.hangs, 0);
  assert.equal(p.code, 0, p.stderr.slice(-2000));
  // The run really covered the encodings and the generated inputs, not only plain UTF-8.
  for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'forced-latin1']) {
    assert.ok((s.decoded[enc] ?? 0) > 0, `no input decoded as ${enc}: ${JSON.stringify(s.decoded)}`);
  }
  assert.ok(s.generated >= 29, `only ${s.generated} generated inputs`);
  assert.ok(s.largest >= 1_000_000, `largest input only ${s.largest} bytes`);
});
