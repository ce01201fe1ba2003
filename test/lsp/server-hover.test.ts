/** Hover over JSON-RPC: the contract tables reach the editor. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarkupKind, type MarkupContent } from 'vscode-languageserver-protocol';
import { ROOT, TestClient, uriOf } from './lsp-client';

const TEXT = readFileSync(join(ROOT, 'test', 'lsp', 'fixtures', 'connect-errno.c'), 'utf8');
const uri = uriOf('hover-connect.c');
let client: TestClient;

before(async () => {
  client = await TestClient.start();
  await client.open(uri, TEXT);
});
after(async () => {
  await client.stop();
});

function positionOf(needle: string, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  const before = TEXT.slice(0, i);
  return { line: before.split('\n').length - 1, character: i - before.lastIndexOf('\n') - 1 + 1 };
}

async function hoverText(needle: string, nth = 0): Promise<string> {
  const p = positionOf(needle, nth);
  const h = await client.hover(uri, p.line, p.character);
  assert.ok(h, `a hover on ${needle}`);
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, MarkupKind.Markdown);
  return c.value;
}

test('on a WSAE code: its meaning for WSPConnect', async () => {
  assert.match(await hoverText('WSAEFAULT'), /\*\*For WSPConnect:\*\* The name or the namelen parameter/);
});

test('on the function name: the contract with signature and documented codes', async () => {
  const md = await hoverText('WSPConnect');
  assert.match(md, /int WSPAPI WSPConnect\(/);
  assert.match(md, /`WSAETIMEDOUT`: An attempt to connect timed out/);
});

test('on a parameter: what the spec says about it', async () => {
  const md = await hoverText('lpCalleeData', 1);
  assert.match(md, /parameter 5 of WSPConnect, `LPWSABUF`, \[out, optional\]/);
});

test('on plain code: no hover', async () => {
  const p = positionOf('sizeof');
  assert.equal(await client.hover(uri, p.line, p.character), null);
});
