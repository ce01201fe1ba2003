/** Decoding of source bytes and the folder walk, as unit tests of core/io. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectSourceFiles, InputError } from '../../server/src/core/io/collect-files';
import { decodeSource, readSourceFile, readSourceFileSync } from '../../server/src/core/io/read-source';
import { tempDir } from './helpers';

const SRC = 'int WSPConnect(void) { /* é — 日本 */ return 0; }\r\n';

test('UTF-8 with and without a BOM', () => {
  assert.deepEqual(decodeSource(Buffer.from(SRC, 'utf8')), { kind: 'text', text: SRC, encoding: 'utf-8' });
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SRC, 'utf8')]);
  assert.deepEqual(decodeSource(bom), { kind: 'text', text: SRC, encoding: 'utf-8-bom' });
});

test('UTF-16 LE and BE with a BOM', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SRC, 'utf16le')]);
  assert.deepEqual(decodeSource(le), { kind: 'text', text: SRC, encoding: 'utf-16le' });
  const beBody = Buffer.from(SRC, 'utf16le');
  beBody.swap16();
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]);
  assert.deepEqual(decodeSource(be), { kind: 'text', text: SRC, encoding: 'utf-16be' });
});

test('invalid UTF-8 text falls back to windows-1252, one character per byte', () => {
  // 0x93/0x94 are windows-1252 curly quotes, 0xE9 is é: typical of old provider sources.
  const bytes = Buffer.concat([Buffer.from('/* '), Buffer.from([0x93]), Buffer.from('caf'), Buffer.from([0xe9, 0x94]), Buffer.from(' */\nreturn 0;\n')]);
  const r = decodeSource(bytes);
  assert.equal(r.kind, 'text');
  if (r.kind !== 'text') return;
  assert.equal(r.encoding, 'windows-1252');
  assert.equal(r.text, '/* \u201ccaf\u00e9\u201d */\nreturn 0;\n');
  assert.equal(r.text.length, bytes.length, 'positions stay one unit per byte');
});

test('NUL bytes in the first 8 KiB mean binary', () => {
  const r = decodeSource(Buffer.from([0x23, 0x69, 0x00, 0x6e]));
  assert.equal(r.kind, 'skipped');
  assert.match(r.kind === 'skipped' ? r.reason : '', /NUL byte/);
  // Past the sniffed prefix a NUL does not make the file binary.
  const late = Buffer.alloc(9000, 0x20);
  late[8500] = 0;
  assert.equal(decodeSource(late).kind, 'text');
});

test('mostly invalid UTF-8 or control bytes mean binary', () => {
  const noise = Buffer.alloc(2000);
  for (let i = 0; i < noise.length; i++) noise[i] = i % 2 === 0 ? 0x81 : 0x05;
  const r = decodeSource(noise);
  assert.equal(r.kind, 'skipped');
  assert.match(r.kind === 'skipped' ? r.reason : '', /invalid UTF-8 or control bytes/);
});

test('reading: too large, missing, a folder', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'big.c'), Buffer.alloc(2048, 0x20));
    const big = readSourceFileSync(join(dir, 'big.c'), { maxBytes: 1024 });
    assert.deepEqual(big, { kind: 'skipped', reason: 'file too large (2.0 KB, limit 1.0 KB)' });
    assert.deepEqual(await readSourceFile(join(dir, 'big.c'), { maxBytes: 1024 }), big);
    const missing = readSourceFileSync(join(dir, 'nope.c'));
    assert.deepEqual(missing, { kind: 'skipped', reason: 'cannot read (ENOENT: no such file or directory)' });
    mkdirSync(join(dir, 'folder.c'));
    assert.deepEqual(await readSourceFile(join(dir, 'folder.c')), {
      kind: 'skipped',
      reason: 'cannot read (EISDIR: illegal operation on a directory)',
    });
    writeFileSync(join(dir, 'ok.c'), SRC);
    assert.deepEqual(await readSourceFile(join(dir, 'ok.c')), { kind: 'text', text: SRC, encoding: 'utf-8' });
  } finally {
    cleanup();
  }
});

test('walk: code-point order, source extensions only, no node_modules or dot folders, no symlinked folders', () => {
  const { dir, cleanup } = tempDir();
  try {
    for (const d of ['p/sub', 'p/node_modules/x', 'p/.vscode', 'p/a.c.d']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['p/b.cc', 'p/B.h', 'p/a.CXX', 'p/sub/z.hpp', 'p/sub/y.txt', 'p/node_modules/x/n.c', 'p/.vscode/v.c', 'p/a.c.d/in.c', 'p/Makefile']) {
      writeFileSync(join(dir, f), '');
    }
    symlinkSync(join(dir, 'p', 'sub'), join(dir, 'p', 'loop'));
    const r = collectSourceFiles(['p', 'p/b.cc'], dir);
    assert.deepEqual(r.files, ['p/B.h', 'p/a.CXX', 'p/a.c.d/in.c', 'p/b.cc', 'p/sub/z.hpp']);
    assert.deepEqual(r.skipped, []);
    assert.throws(() => collectSourceFiles(['p', 'missing.c'], dir), (e: unknown) => e instanceof InputError && /missing\.c: no such file/.test(e.message));
    // A file named explicitly is checked whatever its extension.
    assert.deepEqual(collectSourceFiles(['p/Makefile'], dir).files, ['p/Makefile']);
  } finally {
    cleanup();
  }
});
