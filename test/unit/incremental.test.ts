import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createAnalyzer, type Finding } from '../../server/src/core/index';
import { fixtureEntries, loadFixture } from '../support/expectations';

const root = process.env.WSPLINT_ROOT ?? process.cwd();

/** Everything a user sees of a finding, positions included. */
function view(findings: Finding[]): string[] {
  return findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.rule} ${f.message} ${JSON.stringify(f.fix ?? null)} ${f.steps.map((s) => `${s.file}:${s.line}:${s.column} ${s.message}`).join(' | ')}`);
}

// A deterministic generator, so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

// The server analyses the same files after every keystroke: with the parse cache (incremental reparse) and the
// per-function result cache, each result must be exactly what a fresh analyzer gives for that text.
test('cached, incremental analysis equals a fresh analysis after every edit', async () => {
  const cached = await createAnalyzer();
  const rand = rng(7);
  const entries = fixtureEntries(join(root, 'test', 'corpus'));
  assert.ok(entries.length > 0, 'no corpus to edit');
  const edits = ['\n', ' ', '/* x */', '', '\n\n  int unused = 0;\n'];
  for (const entry of entries) {
    const fx = loadFixture(root, entry);
    let files = fx.files;
    cached.analyze(files);
    for (let round = 0; round < 6; round++) {
      const i = Math.floor(rand() * files.length);
      const text = files[i].text;
      const at = Math.floor(rand() * text.length);
      const insert = edits[Math.floor(rand() * edits.length)];
      // Deleting one character may break the code: that must be handled the same way too.
      const next = insert === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + insert + text.slice(at);
      files = files.map((f, k) => (k === i ? { ...f, text: next } : f));
      const fresh = await createAnalyzer();
      assert.deepEqual(view(cached.analyze(files).findings), view(fresh.analyze(files).findings), `${fx.name} after edit ${round} at ${files[i].path}:${at}`);
    }
  }
});
