/**
 * Abuse of the language server: out-of-range positions, unknown documents, malformed frames and bodies,
 * oversized messages. Each gets an answer (a result or a JSON-RPC error), never a crash, and the server
 * keeps serving afterwards.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { errnoLine, providerText, RawClient, type PublishParams } from './raw-lsp';

let client: RawClient;
before(async () => {
  client = await RawClient.start();
});
after(async () => {
  await client.stop();
});

const URI = 'file:///abuse/provider.c';
const TEXT = providerText(5, 2);

async function openProvider(): Promise<void> {
  const since = client.received.length;
  client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'c', version: 1, text: TEXT } });
  await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).uri === URI, 20_000, since);
}

/** A response that is a result or a proper JSON-RPC error (never a crash, never silence). */
function answered(r: { result?: unknown; error?: { code: number } }): void {
  assert.ok('result' in r || (r.error && typeof r.error.code === 'number'), JSON.stringify(r));
}

test('out-of-range positions and ranges: answered, no crash', async () => {
  await openProvider();
  const positions = [
    { line: 1_000_000, character: 5 },
    { line: 3, character: 1_000_000 },
    { line: -1, character: -1 },
    { line: 2 ** 31, character: 2 ** 31 },
    { line: 1.5, character: 'x' },
  ];
  for (const position of positions) {
    const h = await client.request('textDocument/hover', { textDocument: { uri: URI }, position });
    answered(h);
    const range = { start: position, end: { line: 2 ** 40, character: 0 } };
    const a = await client.request('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [] } });
    answered(a);
  }
  // A diagnostic the client made up (stale, out of range, wrong data) gets no actions, not a crash.
  const fake = { range: { start: { line: 999, character: 0 }, end: { line: 999, character: 3 } }, message: 'x', source: 'wsplint', code: 'errno-not-set', data: { rule: 'errno-not-set', fingerprint: 'nope' } };
  const r = await client.request('textDocument/codeAction', { textDocument: { uri: URI }, range: fake.range, context: { diagnostics: [fake, { ...fake, data: 17 }, { ...fake, data: null }] } });
  assert.deepEqual(r.result, []);
  // An out-of-range incremental change is clamped by the document model, and analysis goes on.
  client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: 5000, character: 0 }, end: { line: 6000, character: 9 } }, text: '\n// appended\n' }] });
  await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).version === 2, 20_000);
  await client.alive();
});

test('requests and notifications about unknown documents: empty answers, no crash', async () => {
  const uri = 'file:///abuse/never-opened.c';
  const position = { line: 0, character: 0 };
  assert.equal((await client.request('textDocument/hover', { textDocument: { uri }, position })).result, null);
  assert.deepEqual((await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })).result, []);
  const resolve = await client.request('codeAction/resolve', { title: 'Fix all', kind: 'source.fixAll.wsplint', data: { fixAll: true, uri, version: 1 } });
  answered(resolve);
  const resolveBad = await client.request('codeAction/resolve', { title: 'x', data: { fixAll: true, uri: 42 } });
  answered(resolveBad);
  client.notify('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'int x;' }] });
  client.notify('textDocument/didClose', { textDocument: { uri } });
  client.notify('textDocument/didSave', { textDocument: { uri } });
  await client.alive();
});

test('malformed frames and bodies: errors where JSON-RPC has one, and the server reads on', async () => {
  const since = client.received.length;
  client.sendRaw('{"jsonrpc":"2.0","id":901,"method":"textDocument/hover","params":'); // truncated JSON
  client.sendRaw('{"jsonrpc":"2.0","id":902,"method":"textDocument/hover","params":{"textDocument":17,"position":null}}');
  client.sendRaw('{"jsonrpc":"2.0","id":903,"method":"wsplint/noSuchRequest","params":{}}');
  client.sendRaw('{"jsonrpc":"2.0","id":904,"method":"textDocument/hover"}');
  client.sendRaw('[1,2,3]');
  client.sendRaw('"just a string"');
  client.sendRaw('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":null,"text":5}}}');
  client.sendRaw(Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80]));
  client.sendRaw('{"jsonrpc":"2.0","id":{"an":"object id"},"method":"textDocument/hover","params":{}}');
  const unknown = await client.waitFor((m) => m.id === 903, 10_000, since);
  assert.equal(unknown.msg.error?.code, -32601, 'MethodNotFound for an unknown request');
  const bad = await client.waitFor((m) => m.id === 902, 10_000, since);
  answered(bad.msg);
  const noParams = await client.waitFor((m) => m.id === 904, 10_000, since);
  answered(noParams.msg);
  await client.alive();
});

/**
 * Broken framing cannot be answered (there is no message to answer) and is only logged. vscode-jsonrpc's
 * reader drops one broken header per chunk of input it receives, so the server reads on once later
 * input arrives (docs/reliability.md, limits); what matters here is that it neither dies nor stays deaf.
 */
test('a header without Content-Length, a wrong Content-Length, stray bytes between frames: the server survives and reads on', async () => {
  client.sendBytes('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}');
  client.sendBytes('garbage between frames\r\n\r\n');
  // Too short: the body is cut, the rest of it is read as the next header.
  client.sendBytes('Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","id":950,"method":"textDocument/hover","params":{}}');
  client.sendBytes('Content-Length: nine\r\n\r\n');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(client.exitCode, undefined, `the server exited: ${client.stderr.slice(-1000)}`);
  for (let i = 0; i < 8; i++) {
    client.notify('$/wsplintNoop', {});
    await new Promise((r) => setTimeout(r, 50));
  }
  await client.alive();
});

test('oversized messages: a 64 MB document is skipped with a message, a 20 MB request answered; the server goes on', async () => {
  const uri = 'file:///abuse/huge.c';
  const big = TEXT + '/* ' + 'x'.repeat(64 * 1024 * 1024) + ' */\n';
  const since = client.received.length;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: big } });
  const p = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).uri === uri, 120_000, since);
  const diags = (p.msg.params as PublishParams).diagnostics;
  assert.equal(diags.length, 1);
  assert.match(diags[0].message, /file too large/);
  const hugeParams = await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 }, padding: 'y'.repeat(20 * 1024 * 1024) });
  answered(hugeParams);
  client.notify('textDocument/didClose', { textDocument: { uri } });
  await client.alive();
  // And it still analyses: a fresh document gets its finding.
  const fresh = 'file:///abuse/after-huge.c';
  const s2 = client.received.length;
  client.notify('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'c', version: 1, text: providerText(3, 1) } });
  const after2 = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).uri === fresh, 20_000, s2);
  assert.deepEqual((after2.msg.params as PublishParams).diagnostics.filter((d) => d.code === 'errno-not-set').map((d) => d.range.start.line), [errnoLine(1)]);
});
