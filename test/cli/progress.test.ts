/**
 * The progress line of `wsplint check` (on a terminal, or with WSPLINT_PROGRESS=1): files parsed out of
 * all, then the analysis, always erased at the end; the report itself is the same with and without it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT } from './helpers';

function check(args: string[], progress: boolean): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'wsplint.js'), 'check', 'test/corpus', 'test/cases-spi', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, WSPLINT_PROGRESS: progress ? '1' : '0' },
  });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr };
}

for (const jobs of ['1', '2']) {
  test(`--jobs ${jobs}: parse progress up to every file, then the analysis, then erased; same report`, () => {
    const plain = check(['--jobs', jobs], false);
    const shown = check(['--jobs', jobs], true);
    assert.equal(plain.stderr, '', 'no progress without a terminal');
    assert.ok(shown.stdout === plain.stdout, 'the report changed with the progress line');
    const updates = shown.stderr.split('\r\x1b[K').filter((s) => s !== '');
    const total = Number(/analysing (\d+) files/.exec(shown.stderr)?.[1]);
    assert.ok(total > 100, `no final "analysing N files" in ${JSON.stringify(shown.stderr.slice(-200))}`);
    const parsed = updates.map((u) => /parsing (\d+)\/(\d+) files/.exec(u)).filter((m): m is RegExpExecArray => !!m);
    assert.ok(parsed.length > 0, 'no parse progress');
    for (const m of parsed) assert.equal(Number(m[2]), total);
    // Counts only grow, and the line ends erased.
    const counts = parsed.map((m) => Number(m[1]));
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b));
    assert.ok(shown.stderr.endsWith('\r\x1b[K'), 'the progress line was left on the terminal');
  });
}
