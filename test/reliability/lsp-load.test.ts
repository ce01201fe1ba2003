/**
 * The language server under load: 1,000 rapid changes to one document end with diagnostics for the
 * final text only: the last publish is for the last version, carries exactly the final text's findings,
 * and nothing is published after it. With and without debouncing, with full-text and incremental changes.
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

const N = 40;

function errnoLines(p: PublishParams): number[] {
  return p.diagnostics.filter((d) => d.code === 'errno-not-set').map((d) => d.range.start.line).sort((a, b) => a - b);
}

async function settleAndCheck(uri: string, finalVersion: number, expectedLines: number[]): Promise<void> {
  await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).uri === uri && (m.params as PublishParams).version === finalVersion, 60_000);
  // Long enough for any analysis still queued (debounce, a slow machine) to publish if it were going to.
  await client.quiet(2000);
  const pubs = client.publishes(uri);
  const last = pubs[pubs.length - 1].params;
  assert.equal(last.version, finalVersion, `the last publish is for version ${last.version}, not the final ${finalVersion}`);
  assert.deepEqual(errnoLines(last), expectedLines);
  // Versions only go forward: no older result overtakes a newer one.
  const versions = pubs.map((p) => p.params.version ?? 0);
  for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `version ${versions[i]} published after ${versions[i - 1]}`);
}

for (const debounceMs of [250, 0]) {
  test(`1,000 full-text didChanges (debounce ${debounceMs} ms): only the final text's diagnostics remain`, async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { wsplint: { debounceMs } } });
    const uri = `file:///load/full-${debounceMs}.c`;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: providerText(N, 0) } });
    let version = 1;
    for (let i = 1; i <= 1000; i++) {
      version++;
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: providerText(N, i % N) }] });
      // Bursts with short pauses: some analyses start while changes keep coming.
      if (i % 100 === 0) await new Promise((r) => setTimeout(r, 30));
    }
    const finalK = 1000 % N === 0 ? 7 : 1000 % N;
    version++;
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: providerText(N, finalK) }] });
    await settleAndCheck(uri, version, [errnoLine(finalK)]);
    const published = client.publishes(uri).length;
    if (debounceMs > 0) assert.ok(published < 100, `debounced: ${published} publishes for 1,002 versions`);
    client.notify('textDocument/didClose', { textDocument: { uri } });
  });
}

test('1,000 incremental edits (lines typed character by character) end on the final text', async () => {
  client.notify('workspace/didChangeConfiguration', { settings: { wsplint: { debounceMs: 50 } } });
  const uri = 'file:///load/typing.c';
  const text = providerText(N, 3);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text } });
  let version = 1;
  // Type "    if (s == 99) { return SOCKET_ERROR; }\n" at the start of line 5, repeatedly, one character at a time.
  const typed = '    if (s == 99) { return SOCKET_ERROR; }\n';
  let inserted = 0;
  for (let i = 0; i < 1000; i++) {
    version++;
    const ch = typed[inserted % typed.length];
    const line = 5 + Math.floor(inserted / typed.length);
    const character = inserted % typed.length;
    client.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
    });
    inserted++;
    if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
  }
  const whole = Math.floor(inserted / typed.length);
  const partial = inserted % typed.length;
  // Finish the half-typed line so the final text is well-formed.
  version++;
  const line = 5 + whole;
  client.notify('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: partial }, end: { line, character: partial } }, text: typed.slice(partial) }],
  });
  // Each typed line is an errno-not-set of its own; the original one (line 7) moved down below them.
  const typedLines = Array.from({ length: whole + 1 }, (_, i) => 5 + i);
  await settleAndCheck(uri, version, [...typedLines, errnoLine(3) + whole + 1].sort((a, b) => a - b));
  client.notify('textDocument/didClose', { textDocument: { uri } });
});

test('many documents changed at once all end on their final text', async () => {
  client.notify('workspace/didChangeConfiguration', { settings: { wsplint: { debounceMs: 20 } } });
  const uris = Array.from({ length: 20 }, (_, i) => `file:///load/many-${i}.c`);
  uris.forEach((uri, i) => client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: providerText(N, i) } }));
  for (let round = 2; round <= 30; round++) {
    uris.forEach((uri, i) => client.notify('textDocument/didChange', { textDocument: { uri, version: round }, contentChanges: [{ text: providerText(N, (i + round) % N) }] }));
  }
  for (const [i, uri] of uris.entries()) await settleAndCheck(uri, 30, [errnoLine((i + 30) % N)]);
});
