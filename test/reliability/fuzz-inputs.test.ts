/** The fuzz inputs are what they claim: full-size pathological inputs, deterministic per (seed, index). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CANONICAL, inputSeed, loadSeeds, makeInput } from '../fuzz/inputs';
import { tokenize } from '../fuzz/tokens';
import { ROOT } from './fuzz-run';

const seeds = loadSeeds(ROOT);
const canonical = CANONICAL.map((_, i) => makeInput(seeds, 1, i, { canonical: true }));
const byName = (re: RegExp) => canonical.filter((c) => re.test(c.recipe));

test('seeds come from the fixtures, with multi-file cases kept together', () => {
  assert.ok(seeds.length >= 100, `${seeds.length} seeds`);
  assert.ok(seeds.some((s) => s.path.startsWith('examples')));
  assert.ok(seeds.some((s) => s.path.startsWith('test/corpus') && s.siblings.length > 0));
});

test('canonical inputs: 10,000-deep nesting of every kind', () => {
  const deep = byName(/deep-(braces|ifs|loops|switches|do-while|try)-10000/);
  assert.equal(deep.length, 6);
  for (const d of deep) {
    const text = Buffer.from(d.bytes).toString('utf8');
    let depth = 0;
    let max = 0;
    for (const c of text) {
      if (c === '{') max = Math.max(max, ++depth);
      else if (c === '}') depth--;
    }
    assert.ok(max >= 10_000, `${d.recipe}: depth ${max}`);
  }
  const parens = byName(/deep-parens-10000/)[0];
  assert.ok(Buffer.from(parens.bytes).toString().includes('('.repeat(10_000)));
});

test('canonical inputs: 100k-line functions, 1 MB lines, NUL bytes, invalid UTF-8, UTF-16 with BOM', () => {
  for (const f of byName(/long-function-100000/)) assert.ok(Buffer.from(f.bytes).toString().split('\n').length > 100_000, f.recipe);
  const lines = byName(/long-line-/);
  assert.equal(lines.length, 5);
  for (const l of lines) assert.ok(Math.max(...Buffer.from(l.bytes).toString().split('\n').map((x) => x.length)) >= 1_000_000 - 100, l.recipe);
  assert.ok(byName(/nul-bytes/)[0].bytes.includes(0));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(byName(/invalid-utf8/)[0].bytes));
  const utf16 = byName(/utf16-/);
  assert.deepEqual(utf16.map((u) => [u.bytes[0], u.bytes[1]]), [[0xff, 0xfe], [0xfe, 0xff]]);
});

test('an input is a pure function of (seed, index); indexes and seeds differ', () => {
  const a = makeInput(seeds, 9, 123, { canonical: true });
  const b = makeInput(seeds, 9, 123, { canonical: true });
  assert.deepEqual(a.bytes, b.bytes);
  assert.equal(a.recipe, b.recipe);
  const others = [makeInput(seeds, 9, 124, { canonical: true }), makeInput(seeds, 10, 123, { canonical: true })];
  for (const o of others) assert.notDeepEqual(o.bytes, a.bytes);
});

test('neighbouring seeds give different inputs, not the same ones reordered', () => {
  const set = (seed: number) => new Set(Array.from({ length: 2000 }, (_, i) => inputSeed(seed, i)));
  const a = set(2026);
  const shared = [...set(2027)].filter((x) => a.has(x)).length;
  assert.equal(shared, 0, `${shared} of 2,000 input seeds shared between runs 2026 and 2027`);
  const recipes = (seed: number) => Array.from({ length: 40 }, (_, i) => makeInput(seeds, seed, 100 + i, { canonical: true }).recipe).join('\n');
  assert.notEqual(recipes(2026), recipes(2027));
});

test('mutations break code the way editing does: over many inputs, token counts and recipes vary', () => {
  const recipes = new Set<string>();
  for (let i = 100; i < 400; i++) {
    const m = makeInput(seeds, 3, i, { canonical: false });
    for (const step of m.recipe.replace(/^[^:]*: ?/, '').split(', ')) recipes.add(step);
  }
  for (const op of ['delete', 'duplicate', 'swap', 'insert', 'splice', 'rename', 'nest', 'line-endings', 'truncate', 'utf-16le', 'windows-1252']) {
    assert.ok(recipes.has(op), `no input used ${op}: ${[...recipes].join(', ')}`);
  }
  assert.ok(tokenize('a->b += "x;y" /* c */ 1.5e3').length === 7);
});
