/**
 * A crash in one analysis (injected through WSPLINT_TEST_CRASH_MARKER, a hook only tests set) is caught:
 * the document gets one diagnostic saying it was not analysed, the log gets the stack once and a short
 * line for each repeat, and the server keeps serving: other documents, hovers, code actions, and the same
 * document once it no longer crashes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { errnoLine, providerText, RawClient, type PublishParams } from './raw-lsp';

const MARKER = '@@wsplint-crash-here@@';
let client: RawClient;
before(async () => {
  client = await RawClient.start({ WSPLINT_TEST_CRASH_MARKER: MARKER });
  client.notify('workspace/didChangeConfiguration', { settings: { wsplint: { debounceMs: 0 } } });
});
after(async () => {
  await client.stop();
});

const isPublish = (uri: string, version?: number) => (m: { method?: string; params?: unknown }): boolean =>
  m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).uri === uri && (version === undefined || (m.params as PublishParams).version === version);

test('a crashing analysis is reported once, and the server goes on', async () => {
  const uri = 'file:///crash/provider.c';
  const crashing = `/* ${MARKER} */\n${providerText(4, 1)}`;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: crashing } });
  const first = await client.waitFor(isPublish(uri, 1));
  const diags = (first.msg.params as PublishParams).diagnostics;
  assert.equal(diags.length, 1);
  assert.match(diags[0].message, /did not analyse this file: the analyzer failed on it/);

  for (let v = 2; v <= 6; v++) {
    client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: crashing + `// edit ${v}\n` }] });
    await client.waitFor(isPublish(uri, v));
  }
  // Fix-all on the crashing document: no edit, no crash.
  const resolved = await client.request('codeAction/resolve', { title: 'Fix all', kind: 'source.fixAll.wsplint', data: { fixAll: true, uri, version: 6 } });
  assert.equal(resolved.error, undefined);

  const logs = client.logs();
  const full = logs.filter((l) => l.includes('injected analysis crash') && l.includes('failed (the server goes on'));
  const repeats = logs.filter((l) => l.includes('failed again with the same error'));
  assert.equal(full.length, 1, `the stack is logged once: ${JSON.stringify(full)}`);
  assert.match(full[0], /\n\s+at /, 'with its stack');
  assert.ok(repeats.length >= 5, `${repeats.length} short repeat lines`);
  assert.ok(repeats.every((l) => !/\n\s+at /.test(l)), 'repeats carry no stack');

  // Other documents are analysed as usual.
  const other = 'file:///crash/other.c';
  client.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'c', version: 1, text: providerText(4, 2) } });
  const o = await client.waitFor(isPublish(other, 1));
  assert.deepEqual((o.msg.params as PublishParams).diagnostics.filter((d) => d.code === 'errno-not-set').map((d) => d.range.start.line), [errnoLine(2)]);
  await client.alive();

  // The same document, once it no longer triggers the crash, gets its findings.
  client.notify('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ text: providerText(4, 1) }] });
  const healed = await client.waitFor(isPublish(uri, 7));
  assert.deepEqual((healed.msg.params as PublishParams).diagnostics.filter((d) => d.code === 'errno-not-set').map((d) => d.range.start.line), [errnoLine(1)]);
  assert.equal(client.exitCode, undefined);
});
