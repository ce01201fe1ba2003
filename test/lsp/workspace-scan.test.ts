/** The workspace scan: .gitignore honoured, include/exclude globs, the file cap, cancellation. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { scanWorkspace, type ScanOptions } from '../../server/src/lsp/workspace-scan';
import { defaultSettings } from '../../server/src/lsp/settings';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wsplint-scan-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const d = defaultSettings();
const OPTIONS: ScanOptions = { include: d.include, exclude: d.exclude, maxFiles: d.maxFiles, maxFileBytes: d.maxFileBytes };

test('reads C/C++ sources, skipping .gitignore entries (nested too), excluded folders and other files', async () => {
  const root = workspace({
    '.gitignore': 'generated/\n*.tmp.c\n',
    'src/provider.c': 'int a;',
    'src/provider.h': 'int b;',
    'src/old.tmp.c': 'int c;',
    'src/.gitignore': 'local.cpp\n',
    'src/local.cpp': 'int d;',
    'src/sub/helpers.cpp': 'int e;',
    'generated/x.c': 'int f;',
    'node_modules/pkg/y.c': 'int g;',
    'README.md': '# no',
  });
  try {
    const r = await scanWorkspace([root], OPTIONS, () => false);
    assert.deepEqual(r.files.map((f) => relative(root, f.path).split('\\').join('/')).sort(), ['src/provider.c', 'src/provider.h', 'src/sub/helpers.cpp']);
    assert.equal(r.stopped, undefined);
    assert.equal(r.files.find((f) => f.path.endsWith('provider.c'))?.text, 'int a;');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('stops at maxFiles and says so; 0 turns the scan off', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`f${String(i).padStart(2, '0')}.c`] = 'int x;';
  const root = workspace(files);
  try {
    const r = await scanWorkspace([root], { ...OPTIONS, maxFiles: 10 }, () => false);
    assert.equal(r.files.length, 10);
    assert.match(r.stopped ?? '', /stopped at 10 files \(wsplint\.maxFiles\)/);
    const off = await scanWorkspace([root], { ...OPTIONS, maxFiles: 0 }, () => false);
    assert.equal(off.files.length, 0);
    assert.match(off.stopped ?? '', /off/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a cancelled scan stops, and too-large files are skipped with the reason', async () => {
  const root = workspace({ 'a.c': 'int a;', 'big.c': 'x'.repeat(5000) });
  try {
    let asked = 0;
    const r = await scanWorkspace([root], OPTIONS, () => ++asked > 1);
    assert.equal(r.stopped, 'cancelled');
    const s = await scanWorkspace([root], { ...OPTIONS, maxFileBytes: 1000 }, () => false);
    assert.deepEqual(s.files.map((f) => f.text), ['int a;']);
    assert.match(s.skipped[0]?.reason ?? '', /file too large/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
