/**
 * `vsce package` builds a .vsix holding the bundles, the grammars and nothing from the sources. Slow
 * (tens of seconds), so it is one test. Reads the zip's central directory itself: no unzip needed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.env.WSPLINT_ROOT ?? '.';

/** File names in a zip, from its central directory. */
export function zipEntries(zip: Buffer): string[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'not a zip: no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    names.push(zip.subarray(p + 46, p + 46 + nameLen).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

test('the .vsix contains the server, client and grammars, and no sources or tests', { timeout: 300000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'wsplint-vsix-'));
  try {
    const vsix = join(out, 'wsplint.vsix');
    // The same vsce arguments as `npm run package`, with the output moved to a temporary folder (the build
    // part of the script is skipped: the test run has just built dist/).
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const script = pkg.scripts.package ?? '';
    const m = /\bvsce (package .*)$/.exec(script);
    assert.ok(m, `npm run package runs vsce package: ${script}`);
    const args = m[1].split(/\s+/);
    const o = args.indexOf('--out');
    assert.ok(o > 0);
    args[o + 1] = vsix;
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      input: '',
    });
    assert.equal(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
    const names = zipEntries(readFileSync(vsix));
    const files = names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    for (const f of ['package.json', 'dist/server.js', 'dist/client.js', 'dist/tree-sitter-c.wasm', 'dist/tree-sitter-cpp.wasm', 'dist/web-tree-sitter.wasm', 'grammars/manifest.json']) {
      assert.ok(files.includes(f), `${f} is in the .vsix (it has: ${files.join(', ')})`);
    }
    assert.ok(files.some((f) => /^docs\/rules\/errno-not-set\.md$/.test(f)) || !existsSync(join(ROOT, 'docs', 'rules')), 'the rule pages ship for "open rule docs"');
    const leaked = files.filter((f) => /^(server|client|runtime|test|scripts|node_modules|out)\//.test(f) || f.endsWith('.ts') || f.endsWith('.map'));
    assert.deepEqual(leaked, [], 'sources, tests, maps or node_modules in the .vsix');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } };
    assert.equal(manifest.engines.vscode, '^1.82.0');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
