/**
 * A large document's analysis runs in slices of time: a hover sent while it runs is answered before
 * the analysis ends (before its diagnostics are published), and typing drops a stale analysis.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TestClient, uriOf } from './lsp-client';

const ONE = readFileSync(join(ROOT, 'test', 'lsp', 'fixtures', 'connect-errno.c'), 'utf8');
// The fixture's WSPConnect 1,500 times (25,000 lines): an analysis of a second or more.
const COPIES = 1500;
const BIG = ONE.split('\n').slice(0, 2).join('\n') + '\n' + Array.from({ length: COPIES }, () => ONE.split('\n').slice(3).join('\n')).join('\n');
let client: TestClient;

/** Resolves once the server says it started analysing `uri` (so the next message arrives mid-analysis). */
async function analysing(uri: string): Promise<void> {
  for (let i = 0; i < 2000 && !client.statuses.some((s) => s.state === 'analyzing' && s.uri === uri); i++) await new Promise((r) => setTimeout(r, 2));
  assert.ok(client.statuses.some((s) => s.state === 'analyzing' && s.uri === uri), 'the server never started analysing');
}

before(async () => {
  client = await TestClient.start({ settings: { debounceMs: 0 } });
  // Warm: the analyzer is loaded, so the big document's analysis starts as soon as it is opened.
  const warm = uriOf('warm.c');
  const done = client.diagnostics(warm);
  await client.open(warm, ONE);
  await done;
});
after(async () => {
  await client.stop();
});

test('a hover during a long analysis is answered before the analysis ends', async () => {
  const uri = uriOf('big-connect.c');
  const events: string[] = [];
  const diagnostics = client.diagnostics(uri, (p) => p.version === 1, 120_000).then((d) => {
    events.push('diagnostics');
    return d;
  });
  await client.open(uri, BIG);
  await analysing(uri);
  const line = BIG.split('\n').findIndex((l) => l.includes('WSAEFAULT'));
  const hover = client.hover(uri, line, BIG.split('\n')[line].indexOf('WSAEFAULT') + 2).then((h) => {
    events.push('hover');
    return h;
  });
  const [h, d] = await Promise.all([hover, diagnostics]);
  assert.ok(h, 'no hover');
  assert.equal(d.length, COPIES, 'one finding per copy');
  assert.deepEqual(events, ['hover', 'diagnostics'], 'the hover waited for the whole analysis');
});

test('an edit during a long analysis: the stale analysis is dropped, the new version is published', async () => {
  const uri = uriOf('big-edited.c');
  const published: number[] = [];
  const seen = client.diagnostics(uri, (p) => {
    if (p.version !== undefined) published.push(p.version);
    return p.version === 2;
  }, 120_000);
  await client.open(uri, BIG);
  await analysing(uri);
  // The last copy sets the error before failing: one finding fewer in version 2. A small ranged edit, so
  // it reaches the server at once (a whole-text replacement of 25,000 lines takes a while to read).
  const at = BIG.lastIndexOf('if (s == INVALID_SOCKET)');
  const ret = BIG.indexOf('return SOCKET_ERROR;', at);
  const line = BIG.slice(0, ret).split('\n').length - 1;
  const character = ret - (BIG.lastIndexOf('\n', ret - 1) + 1);
  await client.edit(uri, 2, { start: { line, character }, end: { line, character } }, '*lpErrno = WSAENOTSOCK; ');
  const d = await seen;
  assert.equal(d.length, COPIES - 1);
  assert.deepEqual(published, [2], `versions published: ${published.join(', ')} (version 1 was stale when it would have finished)`);
});
