/** `wsplint fix`: usage, exit codes, diff by default, --write in place, and a file it must not write. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, wsplint } from '../cli/helpers';

const SRC = [
  'int WSPAPI WSPConnect(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData,',
  '\tLPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)',
  '{',
  '\tif (name == NULL || namelen < (int)sizeof(struct sockaddr)) {',
  '\t\t*lpErrno = WSAEFAULT;',
  '\t\treturn SOCKET_ERROR;',
  '\t}',
  '\tif (s == 0) {',
  '\t\t*lpErrno = ETIMEDOUT;',
  '\t\treturn SOCKET_ERROR;',
  '\t}',
  '\tif (lpCalleeData != NULL)',
  '\t\tlpCalleeData->len = 0;',
  '\treturn 0;',
  '}',
  '',
].join('\n');

test('usage errors exit 2 with one line', () => {
  for (const [args, re] of [
    [['fix'], /no input files/],
    [['fix', '--frobnicate', 'x.c'], /unknown option --frobnicate/],
    [['fix', 'no-such-file.c'], /no-such-file\.c/],
    [['fix', '--macro', '1X', 'x.c'], /not a C identifier/],
  ] as const) {
    const r = wsplint([...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, re);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  const help = wsplint(['fix', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--write/);
  assert.match(wsplint(['--help']).stdout, /wsplint fix/);
});

test('a diff by default (exit 1, file untouched), --write in place (exit 0, mode kept), then nothing left', () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'p.c');
    writeFileSync(file, SRC);
    chmodSync(file, 0o640);
    const diff = wsplint(['fix', 'p.c'], dir);
    assert.equal(diff.code, 1, diff.stderr);
    const expected = [
      '--- a/p.c',
      '+++ b/p.c',
      '@@ -6,7 +6,7 @@',
      ' \t\treturn SOCKET_ERROR;',
      ' \t}',
      ' \tif (s == 0) {',
      '-\t\t*lpErrno = ETIMEDOUT;',
      '+\t\t*lpErrno = WSAETIMEDOUT;',
      ' \t\treturn SOCKET_ERROR;',
      ' \t}',
      ' \tif (lpCalleeData != NULL)',
      '',
    ];
    assert.equal(diff.stdout, expected.join('\n'));
    assert.equal(readFileSync(file, 'utf8'), SRC);
    const w = wsplint(['fix', '--write', dir]);
    assert.equal(w.code, 0, w.stderr);
    assert.equal(readFileSync(file, 'utf8'), SRC.replace('= ETIMEDOUT;', '= WSAETIMEDOUT;'));
    assert.equal(statSync(file).mode & 0o777, 0o640);
    const again = wsplint(['fix', 'p.c'], dir);
    assert.equal(again.code, 0);
    assert.match(again.stderr, /nothing to fix in 1 file/);
  } finally {
    cleanup();
  }
});

test('a file that cannot be written is reported (exit 2) and left as it was; binary files are skipped', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'p.c'), SRC);
    writeFileSync(join(dir, 'blob.c'), Buffer.from([0, 1, 2, 3, 0, 255]));
    chmodSync(dir, 0o555);
    const w = wsplint(['fix', '--write', '.'], dir);
    chmodSync(dir, 0o755);
    assert.match(w.stderr, /skipped .*blob\.c: binary file/);
    if (process.getuid?.() === 0) {
      // root writes anyway: then the fix simply happened.
      assert.equal(w.code, 0, w.stderr);
    } else {
      assert.equal(w.code, 2, w.stderr);
      assert.match(w.stderr, /cannot write p\.c/);
      assert.equal(readFileSync(join(dir, 'p.c'), 'utf8'), SRC);
    }
  } finally {
    chmodSync(dir, 0o755);
    cleanup();
  }
});
