/** Exit code 2 and a one-line message for every way of calling the CLI wrongly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { CLEAN_FIXTURE, ROOT, tempDir, wsplint } from './helpers';

function assertUsageError(args: string[], pattern: RegExp, cwd?: string): void {
  const r = wsplint(args, cwd);
  assert.equal(r.code, 2, `exit code of wsplint ${args.join(' ')}; stderr: ${r.stderr}`);
  assert.equal(r.stdout, '', 'nothing on stdout');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
  assert.match(lines[0], /^wsplint: /);
  assert.match(lines[0], pattern);
}

test('--help prints usage on stdout and exits 0', () => {
  const r = wsplint(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /wsplint check <files or folders\.\.\.>/);
  assert.match(r.stdout, /wsplint lsp --stdio/);
  const c = wsplint(['check', '--help']);
  assert.equal(c.code, 0);
  assert.match(c.stdout, /--format FORMAT/);
});

test('--version prints the package version', () => {
  const r = wsplint(['--version']);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), version);
});

test('no command prints usage on stderr and exits 2', () => {
  const r = wsplint([]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Usage:/);
});

test('unknown command', () => assertUsageError(['frobnicate'], /unknown command 'frobnicate'/));
test('unknown top-level option', () => assertUsageError(['--frobnicate'], /unknown option --frobnicate/));
test('unknown check option', () => assertUsageError(['check', '--fast', CLEAN_FIXTURE], /unknown option --fast/));
test('missing --format value', () => assertUsageError(['check', CLEAN_FIXTURE, '--format'], /missing argument: --format/));
test('missing --output value before another option', () =>
  assertUsageError(['check', CLEAN_FIXTURE, '--output', '--format', 'json'], /missing argument: --output/));
test('unknown format', () => assertUsageError(['check', '--format', 'xml', CLEAN_FIXTURE], /unknown format 'xml'/));
test('unknown format given inline', () => assertUsageError(['check', '--format=html', CLEAN_FIXTURE], /unknown format 'html'/));
test('check with no paths', () => assertUsageError(['check'], /no input files/));
test('check on a nonexistent file', () =>
  assertUsageError(['check', CLEAN_FIXTURE, 'no-such-provider.c'], /cannot open no-such-provider\.c: no such file or directory/));

test('check on a folder with no C or C++ files', () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'notes.txt'), 'int WSPConnect(void);\n');
    assertUsageError(['check', 'docs'], /no input files/, dir);
  } finally {
    cleanup();
  }
});

test('check where no file could be read', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'blob.c'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]));
    const r = wsplint(['check', 'blob.c'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /skipped blob\.c: binary file/);
    assert.match(r.stderr, /no input file could be read/);
  } finally {
    cleanup();
  }
});

test('lsp without a transport', () => assertUsageError(['lsp'], /give exactly one transport/));
test('lsp with an unknown option', () => assertUsageError(['lsp', '--tcp'], /unknown option --tcp/));

test('--output to a path that cannot be written exits 2', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'file'), 'x');
    // A regular file where a folder is needed: cannot be created, whoever runs the test (even root).
    const r = wsplint(['check', CLEAN_FIXTURE, '--output', join(dir, 'file', 'report.json')], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^wsplint: cannot write .*report\.json: E[A-Z]+/);
  } finally {
    cleanup();
  }
});

test('--macro takes C identifiers', () => {
  assertUsageError(['check', '--macro', 'MY_API,1BAD', CLEAN_FIXTURE], /--macro: '1BAD' is not a C identifier/);
  const ok = wsplint(['check', '--macro', 'MY_API', '--macro=PROVIDER_CALL,OTHER', CLEAN_FIXTURE]);
  assert.equal(ok.code, 0, ok.stderr);
});
