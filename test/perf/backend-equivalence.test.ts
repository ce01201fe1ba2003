/**
 * The native tree-sitter binding and web-tree-sitter must give the same trees (node by node: type, range,
 * missing/error flags), the same trees after an incremental reparse, and the same findings through the CLI.
 * When the native binding did not build on this machine the native half is skipped, with the reason.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node, Tree } from 'web-tree-sitter';
import { parseSource } from '../../server/src/core/model/parsed-file';
import { blankMacros } from '../../server/src/core/parse/blank';
import { languageOf, loadParsers, type Parsers } from '../../server/src/core/parse/parser';

const ROOT = process.env.WSPLINT_ROOT ?? resolve(__dirname, '..', '..', '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(c|h|cpp|hpp)$/.test(name)) out.push(p);
  }
  return out;
}

/** Pre-order dump of a tree, one line per node, through the members the core reads. */
function dump(root: Node): string[] {
  const out: string[] = [];
  const cursor = root.walk();
  let depth = 0;
  for (;;) {
    const n = cursor.currentNode;
    out.push(`${depth} ${n.type} ${n.startIndex}-${n.endIndex}${n.isMissing ? ' missing' : ''}${n.hasError ? ' error' : ''} ${n.namedChildren.length}`);
    if (cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return out;
      depth--;
    }
  }
}

async function native(): Promise<Parsers | string> {
  try {
    return await loadParsers('native');
  } catch (e) {
    return (e as Error).message;
  }
}

const FILES = [...sources(join(ROOT, 'test', 'cases')), ...sources(join(ROOT, 'test', 'corpus'))];

test('both backends give identical trees on test/cases and test/corpus', async (t) => {
  const n = await native();
  if (typeof n === 'string') return t.skip(n);
  const w = await loadParsers('wasm');
  assert.equal(n.backend, 'native');
  assert.equal(w.backend, 'wasm');
  assert.ok(FILES.length > 100, `only ${FILES.length} fixture files found`);
  for (const path of FILES) {
    const text = blankMacros(readFileSync(path, 'utf8')).text;
    const lang = languageOf(path);
    const a: Tree = n.parse(text, lang);
    const b: Tree = w.parse(text, lang);
    const da = dump(a.rootNode);
    const db = dump(b.rootNode);
    assert.equal(da.length, db.length, `${path}: node counts differ`);
    for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) assert.fail(`${path}: node ${i} differs: native '${da[i]}' vs wasm '${db[i]}'`);
    // A node the core reads through childForFieldName and text: the first function's name.
    const fa: Node | null | undefined = a.rootNode.descendantsOfType('function_definition')[0];
    const fb: Node | null | undefined = b.rootNode.descendantsOfType('function_definition')[0];
    assert.equal(fa?.childForFieldName('declarator')?.text, fb?.childForFieldName('declarator')?.text, path);
    a.delete();
    b.delete();
  }
});

test('offsets are UTF-16 code units in both backends', async (t) => {
  const n = await native();
  if (typeof n === 'string') return t.skip(n);
  const w = await loadParsers('wasm');
  const text = '/* é 😀 */ int f(void) { return 1; }\n';
  for (const p of [n, w]) {
    const fn = p.parse(text, 'c').rootNode.descendantsOfType('function_definition')[0];
    assert.ok(fn);
    assert.equal(fn.startIndex, text.indexOf('int f'), p.backend);
    assert.equal(fn.text, text.slice(text.indexOf('int f'), text.lastIndexOf('}') + 1), p.backend);
  }
});

test('an incremental reparse gives the tree of a fresh parse, in both backends', async (t) => {
  const n = await native();
  if (typeof n === 'string') return t.skip(n);
  const w = await loadParsers('wasm');
  const picks = FILES.filter((_, i) => i % 7 === 0);
  for (const path of picks) {
    const before = readFileSync(path, 'utf8');
    // Insert a statement just inside the first function body, as a keystroke burst would.
    const at = before.indexOf('{', before.indexOf(')')) + 1;
    if (at <= 0) continue;
    const after = `${before.slice(0, at)} int added_by_edit = 1; ${before.slice(at)}`;
    const f = { path, text: after };
    for (const p of [n, w]) {
      const edited = parseSource(p, f, [], parseSource(p, { path, text: before }, []));
      const fresh = parseSource(p, f, []);
      assert.deepEqual(dump(edited.tree.rootNode), dump(fresh.tree.rootNode), `${p.backend}: ${path}`);
    }
  }
});

test('both backends give identical findings through the CLI on test/cases and test/corpus', async (t) => {
  const n = await native();
  if (typeof n === 'string') return t.skip(n);
  const run = (backend: string): string => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'wsplint.js'), 'check', 'test/cases', 'test/corpus', '--format', 'json', '--jobs', '1'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, WSPLINT_PARSER: backend, WSPLINT_CHECK_STATS: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    assert.match(r.stderr, new RegExp(`"backend":"${backend}"`), r.stderr);
    return r.stdout;
  };
  const a = run('native');
  const b = run('wasm');
  assert.ok((JSON.parse(a) as { findings: unknown[] }).findings.length > 50);
  assert.ok(a === b, 'findings differ between the native and the WASM backend');
});
