/**
 * `wsplint check --jobs N` must give the serial report byte for byte: the real CLI on test/cases and
 * test/corpus, once serial and once on four worker threads.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const ROOT = process.env.WSPLINT_ROOT ?? resolve(__dirname, '..', '..', '..');
const TREES = ['test/cases', 'test/corpus'];

function check(args: string[]): { code: number | null; stdout: string; stats: { workers: number; files: number } } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'wsplint.js'), 'check', ...TREES, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, WSPLINT_CHECK_STATS: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  const line = r.stderr.split('\n').find((l) => l.startsWith('wsplint: stats '));
  assert.ok(line, `no stats line on stderr:\n${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stats: JSON.parse(line.slice('wsplint: stats '.length)) as { workers: number; files: number } };
}

test('--jobs 1 and --jobs 4 give byte-identical JSON on test/cases and test/corpus', () => {
  const serial = check(['--format', 'json', '--jobs', '1']);
  const parallel = check(['--format', 'json', '--jobs', '4']);
  assert.equal(serial.stats.workers, 0, 'the serial run used worker threads');
  assert.ok(parallel.stats.workers > 1, `the parallel run used ${parallel.stats.workers} workers`);
  const findings = (JSON.parse(serial.stdout) as { findings: unknown[] }).findings;
  assert.ok(findings.length > 50, `only ${findings.length} findings: the comparison would prove little`);
  assert.equal(serial.code, 1);
  assert.equal(parallel.code, 1);
  assert.ok(parallel.stdout === serial.stdout, 'JSON reports differ between --jobs 1 and --jobs 4');
});

test('the streamed text report of --jobs 3 is the serial text report', () => {
  const serial = check(['--jobs', '1']);
  const parallel = check(['--jobs', '3']);
  assert.ok(parallel.stats.workers > 1);
  assert.match(serial.stdout, /\d+ findings \(.*\) in \d+ files checked\n$/);
  assert.ok(parallel.stdout === serial.stdout, 'text reports differ between --jobs 1 and --jobs 3');
});

test('--jobs rejects what is not a positive whole number', () => {
  for (const bad of ['0', '-2', 'x', '1.5']) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'wsplint.js'), 'check', 'test/corpus', '--jobs', bad], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 2, `--jobs ${bad}`);
    assert.match(r.stderr, /--jobs/);
  }
});

test('a worker that dies at any step costs nothing but time: a warning, then the serial report', () => {
  const serial = check(['--jobs', '1']);
  for (const step of ['facts', 'assignments', 'analyze']) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'wsplint.js'), 'check', ...TREES, '--jobs', '3'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, WSPLINT_TEST_WORKER_EXIT: step },
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 1, `exit code with a worker dying at ${step}`);
    assert.match(r.stderr, /the parallel analysis failed \(analysis worker exited with code 70\); analysing on one thread instead/);
    assert.ok(r.stdout === serial.stdout, `the streamed text report differs from the serial one when a worker dies at ${step}`);
  }
});
