// Runs every scenario under test/runtime/scenarios/ on both profiles and compares each call with the
// expectations written on its line (see harness/scenario.ts).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compare, parseScenario } from './harness/scenario';
import { SCENARIOS, runOne } from './helpers';

const files = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.c'))
  .sort();

test('there are at least 40 scenarios, each with a title and a source', () => {
  assert.ok(files.length >= 40, `only ${files.length} scenarios`);
  for (const f of files) {
    const s = parseScenario(readFileSync(join(SCENARIOS, f), 'utf8'));
    assert.ok(s.title, `${f}: no "// scenario:" line`);
    assert.ok(s.source, `${f}: no "// source:" line`);
    assert.ok((s.calls.get('spec')?.size ?? 0) + (s.calls.get('windows')?.size ?? 0) > 0 || s.stops.size > 0, `${f}: expects nothing`);
  }
});

for (const f of files) {
  const text = readFileSync(join(SCENARIOS, f), 'utf8');
  const scenario = parseScenario(text);
  for (const profile of scenario.profiles) {
    test(`${f} [${profile}]: ${scenario.title}`, async () => {
      const result = await runOne(text, { profile });
      const problems = compare(scenario, profile, result);
      assert.deepEqual(problems, [], `${f} (${profile}):\n  ${problems.join('\n  ')}`);
    });
  }
}
