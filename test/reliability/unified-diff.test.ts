/** `wsplint fix` prints a unified diff that patch tools apply: checked by applying it back, on random edits. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../server/src/cli/unified-diff';
import { Rng } from '../fuzz/rng';

/** A minimal patch applier for one file's hunks (strict: context must match). */
function applyPatch(old: string, diff: string): string {
  const oldLines = old.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const lines = diff.split('\n');
  const out: string[] = [];
  let at = 0;
  let i = 2;
  while (i < lines.length && lines[i].startsWith('@@')) {
    const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[i]);
    assert.ok(m, lines[i]);
    const start = Number(m[2]) === 0 ? Number(m[1]) : Number(m[1]) - 1;
    while (at < start) out.push(oldLines[at++]);
    i++;
    while (i < lines.length && /^[ +\-]/.test(lines[i])) {
      const noEol = lines[i + 1] === '\\ No newline at end of file';
      const body = lines[i].slice(1) + (noEol ? '' : '\n');
      if (lines[i][0] === ' ' || lines[i][0] === '-') {
        assert.equal(oldLines[at], body, `context/removed line ${at + 1}`);
        at++;
      }
      if (lines[i][0] !== '-') out.push(body);
      i += noEol ? 2 : 1;
    }
  }
  while (at < oldLines.length) out.push(oldLines[at++]);
  return out.join('');
}

test('applying the diff to the old text gives the new text (random line edits, CRLF, no final newline)', () => {
  const rng = new Rng(42);
  for (let n = 0; n < 300; n++) {
    const eol = rng.chance(0.3) ? '\r\n' : '\n';
    const lines = Array.from({ length: rng.range(0, 40) }, () => `line ${rng.int(8)}`);
    const next = [...lines];
    for (let k = rng.range(0, 6); k > 0; k--) {
      const at = rng.int(next.length + 1);
      if (rng.chance(0.5) && next.length > 0) next.splice(Math.min(at, next.length - 1), 1);
      else next.splice(at, 0, `new ${rng.int(100)}`);
    }
    const a = lines.join(eol) + (rng.chance(0.8) ? eol : '');
    const b = next.join(eol) + (rng.chance(0.8) ? eol : '');
    const diff = unifiedDiff(a, b, 'a/x.c', 'b/x.c');
    if (a === b) assert.equal(diff, '');
    else assert.equal(applyPatch(a, diff), b, diff);
  }
});

test('hunks carry three lines of context and far-apart changes get their own hunk', () => {
  const a = Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n') + '\n';
  const b = a.replace('l2\n', 'L2\n').replace('l25\n', 'L25\n');
  const diff = unifiedDiff(a, b, 'a/f', 'b/f');
  assert.deepEqual(diff.match(/^@@.*@@$/gm), ['@@ -1,6 +1,6 @@', '@@ -23,7 +23,7 @@']);
});
