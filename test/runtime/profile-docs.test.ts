// docs/runtime.md must describe every place where the profiles differ, and only those.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROFILE_RULES } from '../../runtime/src/stack/simulated/profile';
import { ROOT } from './helpers';

const doc = readFileSync(join(ROOT, 'docs', 'runtime.md'), 'utf8');
const documented = [...doc.matchAll(/^### `(\w+)`/gm)].map((m) => m[1]);

test('every profile flag has a section in docs/runtime.md with the spec side, the windows side and a scenario', () => {
  const keys = Object.keys(PROFILE_RULES.spec);
  assert.deepEqual([...documented].sort(), [...keys].sort());
  for (const key of keys) {
    const section = doc.split(`### \`${key}\``)[1].split('\n### ')[0];
    assert.match(section, /- spec:/, key);
    assert.match(section, /- windows:/, key);
    assert.match(section, /scenarios?: `[\w-]+\.c`/, key);
  }
});

test('every flag really differs between the profiles', () => {
  for (const key of Object.keys(PROFILE_RULES.spec) as (keyof typeof PROFILE_RULES.spec)[]) {
    assert.notEqual(PROFILE_RULES.spec[key], PROFILE_RULES.windows[key], key);
  }
});

test('the scenarios the document names exist', () => {
  const lines = doc.split('\n').filter((l) => /^- scenarios?:/.test(l));
  const named = lines.flatMap((l) => [...l.matchAll(/`([\w-]+\.c)`/g)].map((m) => m[1]));
  assert.ok(named.length >= Object.keys(PROFILE_RULES.spec).length);
  for (const f of named) assert.ok(readFileSync(join(ROOT, 'test', 'runtime', 'scenarios', f), 'utf8').length > 0, f);
});
