/** `wsplint check` end to end: exit codes, text and JSON reports, folder walks, odd files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonFinding, JsonReport } from '../../server/src/core/report/json';
import { CLEAN_FIXTURE, ERRNO_COLUMN, ERRNO_FIXTURE, ERRNO_LINE, parseJson, tempDir, wsplint } from './helpers';

const FINDING_KEYS = ['column', 'endColumn', 'endLine', 'file', 'function', 'line', 'message', 'rule', 'severity', 'steps'];

/** Checks the documented JSON shape exactly: no key missing, none extra, 1-based positions. */
function assertJsonShape(report: JsonReport): void {
  assert.deepEqual(Object.keys(report).sort(), ['findings', 'version']);
  assert.equal(report.version, 1);
  assert.ok(Array.isArray(report.findings));
  for (const f of report.findings) {
    assert.deepEqual(Object.keys(f).sort(), FINDING_KEYS);
    for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
      assert.ok(Number.isInteger(f[k]) && f[k] >= 1, `${k} is a 1-based integer: ${f[k]}`);
    }
    assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column), 'end is not before start');
    assert.match(f.severity, /^(error|warning|info)$/);
    for (const k of ['file', 'rule', 'message', 'function'] as const) assert.equal(typeof f[k], 'string');
    for (const s of f.steps) {
      assert.deepEqual(Object.keys(s).sort(), ['file', 'line', 'message']);
      assert.ok(Number.isInteger(s.line) && s.line >= 1);
    }
  }
}

function errnoFindings(report: JsonReport): JsonFinding[] {
  return report.findings.filter((f) => f.rule === 'errno-not-set');
}

test('a clean provider exits 0 with a summary', () => {
  const r = wsplint(['check', CLEAN_FIXTURE]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'no findings in 1 file checked\n');
});

test('a clean provider gives an empty JSON report', () => {
  const r = wsplint(['check', '--format', 'json', CLEAN_FIXTURE]);
  assert.equal(r.code, 0, r.stderr);
  const report = parseJson<JsonReport>(r.stdout);
  assertJsonShape(report);
  assert.deepEqual(report.findings, []);
});

test('--output writes the report to a file and nothing to stdout', () => {
  const { dir, cleanup } = tempDir();
  try {
    const r = wsplint(['check', CLEAN_FIXTURE, '--format=json', '-o', 'out/report.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assertJsonShape(parseJson<JsonReport>(readFileSync(join(dir, 'out', 'report.json'), 'utf8')));
  } finally {
    cleanup();
  }
});

test('a SOCKET_ERROR return without *lpErrno exits 1 and names the line (needs the core)', () => {
  const r = wsplint(['check', ERRNO_FIXTURE]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const first = r.stdout.split('\n')[0];
  assert.equal(first.startsWith(`${ERRNO_FIXTURE}:${ERRNO_LINE}:${ERRNO_COLUMN}: error errno-not-set: `), true, first);
  assert.match(r.stdout.trimEnd().split('\n').at(-1) ?? '', /^\d+ findings? \(.*\) in 1 file checked$/);
});

test('the JSON report has the documented shape and the finding (needs the core)', () => {
  const r = wsplint(['check', '--format', 'json', 'test/cli/fixtures/errno-not-set.c']);
  assert.equal(r.code, 1, r.stderr);
  const report = parseJson<JsonReport>(r.stdout);
  assertJsonShape(report);
  const [f, ...more] = errnoFindings(report);
  assert.ok(f, `an errno-not-set finding in ${r.stdout}`);
  assert.equal(more.length, 0);
  assert.equal(f.file, 'test/cli/fixtures/errno-not-set.c', 'the path as the user gave it');
  assert.equal(f.line, ERRNO_LINE);
  assert.equal(f.column, ERRNO_COLUMN);
  assert.equal(f.function, 'WSPConnect');
  assert.equal(f.severity, 'error');
  assert.ok(f.steps.length > 0, 'the path is explained');
});

test('a folder is walked for C and C++ files, skipping node_modules and dot folders', () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'src', 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(dir, 'src', '.git'), { recursive: true });
    copyFileSync(CLEAN_FIXTURE, join(dir, 'src', 'b.c'));
    copyFileSync(CLEAN_FIXTURE, join(dir, 'src', 'sub', 'a.cpp'));
    copyFileSync(CLEAN_FIXTURE, join(dir, 'src', 'sub', 'c.HPP'));
    writeFileSync(join(dir, 'src', 'notes.txt'), 'not code');
    copyFileSync(ERRNO_FIXTURE, join(dir, 'src', 'node_modules', 'pkg', 'bad.c'));
    copyFileSync(ERRNO_FIXTURE, join(dir, 'src', '.git', 'bad.c'));
    const r = wsplint(['check', 'src'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, 'no findings in 3 files checked\n');
    // Naming a file twice (once through its folder) checks it once.
    const again = wsplint(['check', 'src', join('src', 'b.c')], dir);
    assert.equal(again.stdout, 'no findings in 3 files checked\n');
  } finally {
    cleanup();
  }
});

test('a folder walk reports findings in a stable order (needs the core)', () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'p', 'z'), { recursive: true });
    copyFileSync(ERRNO_FIXTURE, join(dir, 'p', 'z', 'one.c'));
    copyFileSync(ERRNO_FIXTURE, join(dir, 'p', 'B.c'));
    copyFileSync(ERRNO_FIXTURE, join(dir, 'p', 'a.c'));
    const r = wsplint(['check', '--format', 'json', 'p'], dir);
    assert.equal(r.code, 1, r.stderr);
    const files = errnoFindings(parseJson<JsonReport>(r.stdout)).map((f) => f.file);
    assert.deepEqual(files, [join('p', 'B.c'), join('p', 'a.c'), join('p', 'z', 'one.c')]);
  } finally {
    cleanup();
  }
});

test('a binary file is skipped with a message and the other files are still checked', () => {
  const { dir, cleanup } = tempDir();
  try {
    const blob = Buffer.alloc(4096, 0x41);
    blob[100] = 0;
    writeFileSync(join(dir, 'blob.c'), blob);
    copyFileSync(CLEAN_FIXTURE, join(dir, 'good.c'));
    const r = wsplint(['check', '.'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stderr, 'wsplint: skipped blob.c: binary file (NUL byte in the first 8 KiB)\n');
    assert.equal(r.stdout, 'no findings in 1 file checked, 1 skipped\n');
  } finally {
    cleanup();
  }
});

test('a file over 10 MB and a dangling symlink are skipped, never read', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'huge.c'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    symlinkSync(join(dir, 'missing-target.c'), join(dir, 'dangling.c'));
    copyFileSync(CLEAN_FIXTURE, join(dir, 'good.c'));
    const r = wsplint(['check', '.'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /^wsplint: skipped dangling\.c: cannot read \(ENOENT/m);
    assert.match(r.stderr, /^wsplint: skipped huge\.c: file too large \(10\.0 MB, limit 10\.0 MB\)$/m);
    assert.equal(r.stdout, 'no findings in 1 file checked, 2 skipped\n');
  } finally {
    cleanup();
  }
});

test('a UTF-16 file with a BOM is decoded, not skipped as binary', () => {
  const { dir, cleanup } = tempDir();
  try {
    const text = readFileSync(CLEAN_FIXTURE, 'utf8');
    writeFileSync(join(dir, 'le.c'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = wsplint(['check', 'le.c'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'no findings in 1 file checked\n');
  } finally {
    cleanup();
  }
});

test('findings in UTF-16 (LE and BE) and windows-1252 files keep their positions (needs the core)', () => {
  const { dir, cleanup } = tempDir();
  try {
    // An accented comment before the bad line: columns count UTF-16 units of the decoded text.
    const text = readFileSync(ERRNO_FIXTURE, 'utf8').replace('/* A layered', '/* Déjà vu: a layered');
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    writeFileSync(join(dir, 'le.c'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(dir, 'be.c'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    writeFileSync(join(dir, 'cp1252.c'), Buffer.from(text, 'latin1'));
    const r = wsplint(['check', '--format', 'json', 'le.c', 'be.c', 'cp1252.c'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const found = errnoFindings(parseJson<JsonReport>(r.stdout)).map((f) => [f.file, f.line, f.column]);
    assert.deepEqual(found, [
      ['le.c', ERRNO_LINE, ERRNO_COLUMN],
      ['be.c', ERRNO_LINE, ERRNO_COLUMN],
      ['cp1252.c', ERRNO_LINE, ERRNO_COLUMN],
    ]);
  } finally {
    cleanup();
  }
});

test('--macro blanks a project macro that hides the function from the parser (needs the core)', () => {
  const { dir, cleanup } = tempDir();
  try {
    const text = readFileSync(ERRNO_FIXTURE, 'utf8').replace('int WSPAPI WSPConnect(', 'int WSPAPI PROV_EXPORT(1) WSPConnect(');
    writeFileSync(join(dir, 'p.c'), text);
    const r = wsplint(['check', '--format', 'json', '--macro', 'PROV_EXPORT', 'p.c'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(errnoFindings(parseJson<JsonReport>(r.stdout)).map((f) => [f.line, f.column]), [[ERRNO_LINE, ERRNO_COLUMN]]);
  } finally {
    cleanup();
  }
});
