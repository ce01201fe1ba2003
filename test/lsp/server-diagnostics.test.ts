/**
 * The built server over stdio: diagnostics for a provider with an obvious violation (a `return
 * SOCKET_ERROR;` that never writes *lpErrno), their code, range, link and path, and that fixing the
 * code makes them go away. These need the real analysis in the core.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { ROOT, TestClient, uriOf } from './lsp-client';

const FIXTURE = readFileSync(join(ROOT, 'test', 'lsp', 'fixtures', 'connect-errno.c'), 'utf8');
const BAD_LINE = FIXTURE.split('\n').findIndex((l, i, all) => l.includes('return SOCKET_ERROR;') && all[i - 1].includes('INVALID_SOCKET'));

let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

test('initialize announces hover, quick fixes, fix-all and the docs command', async () => {
  const c = await TestClient.start();
  try {
    const caps = c.initializeResult?.capabilities;
    assert.equal(caps?.hoverProvider, true);
    assert.deepEqual(caps?.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.wsplint'], resolveProvider: true });
    assert.deepEqual(caps?.executeCommandProvider?.commands, ['wsplint.openRuleDocs', 'wsplint.runSnippet', 'wsplint.cancelRun']);
    assert.equal(c.initializeResult?.serverInfo?.name, 'wsplint');
    // A request about a document that was never opened is answered, not fatal.
    assert.equal(await c.hover(uriOf('never-opened.c'), 0, 0), null);
  } finally {
    await c.stop();
  }
});

test('didOpen: errno-not-set at the return, with source, link, path and data', async () => {
  const uri = uriOf('connect-errno.c');
  await client.open(uri, FIXTURE);
  const diags = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'errno-not-set'));
  const d = diags.find((x) => x.code === 'errno-not-set');
  assert.ok(d);
  assert.ok(BAD_LINE > 0);
  assert.equal(d.range.start.line, BAD_LINE);
  assert.equal(d.source, 'wsplint');
  assert.equal(d.severity, DiagnosticSeverity.Error);
  assert.match(d.codeDescription?.href ?? '', /docs\/rules\/errno-not-set\.md$/);
  assert.ok(d.data, 'data ties the diagnostic to its fixes');
  assert.ok((d.relatedInformation ?? []).length > 0, 'the path comes as related information');
  assert.ok(d.relatedInformation?.every((r) => r.location.uri === uri));
  // The only bad return is that one: the WSAEFAULT path and the success path are fine.
  assert.equal(diags.filter((x) => x.code === 'errno-not-set').length, 1);
  // The language status item's feed: state and analysis time for the document.
  const done = client.statuses.find((s) => s.state === 'idle' && s.uri === uri);
  assert.ok(done, JSON.stringify(client.statuses));
  assert.equal(typeof done.analysisMs, 'number');
  assert.equal(done.findings, diags.length);
  assert.ok(client.statuses.findIndex((s) => s.state === 'analyzing' && s.uri === uri) < client.statuses.indexOf(done));
});

test('didChange: writing *lpErrno makes the diagnostic go away', async () => {
  const uri = uriOf('connect-errno.c');
  await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'errno-not-set'));
  const fixed = FIXTURE.replace('    if (s == INVALID_SOCKET) {\n', '    if (s == INVALID_SOCKET) {\n        *lpErrno = WSAENOTSOCK;\n');
  assert.notEqual(fixed, FIXTURE);
  await client.replace(uri, fixed, 2);
  const diags = await client.diagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(diags.filter((d) => d.code === 'errno-not-set'), []);
});

test('a client without related-information support gets the path in the message', async () => {
  const c = await TestClient.start({ relatedInformation: false });
  try {
    const uri = uriOf('connect-errno-folded.c');
    await c.open(uri, FIXTURE);
    const diags = await c.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'errno-not-set'));
    const d = diags.find((x) => x.code === 'errno-not-set');
    assert.equal(d?.relatedInformation, undefined);
    assert.match(d?.message ?? '', /\nPath:\n {2}connect-errno-folded\.c:\d+:\d+: /);
  } finally {
    await c.stop();
  }
});
