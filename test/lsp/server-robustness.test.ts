/** Bad input never kills the server: malformed messages, a 50 MB file, binary text, closed documents. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, uriOf } from './lsp-client';

let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

const SMALL = 'int WSPAPI WSPConnect(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF a, LPWSABUF b, LPQOS c, LPQOS d, LPINT lpErrno)\n{\n    *lpErrno = WSAEFAULT;\n    return SOCKET_ERROR;\n}\n';

async function alive(): Promise<void> {
  const uri = uriOf(`alive-${Date.now()}-${Math.random()}.c`);
  await client.open(uri, SMALL);
  const h = await client.hover(uri, 2, 16);
  assert.match(JSON.stringify(h), /WSAEFAULT/, 'the server still answers');
  assert.equal(client.exited, null);
  await client.close(uri);
}

test('malformed JSON, a body that is no message, an unknown method and bad params do not kill it', async () => {
  const send = (body: string): void => {
    client.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  send('{"jsonrpc": "2.0", "id": 1, "method": ');
  send('{"jsonrpc":"2.0","id":"x","method":"textDocument/hover","params":{"textDocument":{"uri":42},"position":"nowhere"}}');
  send('{"jsonrpc":"2.0","method":"wsplint/noSuchNotification","params":[1,2,3]}');
  send('[1, 2, 3]');
  await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 17 } }).catch(() => undefined);
  await client.connection.sendRequest('wsplint/noSuchRequest', {}).catch(() => undefined);
  await alive();
});

test('a 50 MB document is skipped with a message on the file, and the server goes on', async () => {
  const uri = uriOf('huge.c');
  const line = '/* padding padding padding padding padding padding padding padding padding */\n';
  const text = SMALL + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
  assert.ok(text.length >= 50 * 1024 * 1024);
  await client.open(uri, text);
  const diags = await client.diagnostics(uri, () => true, 60000);
  assert.equal(diags.length, 1);
  assert.match(diags[0].message, /did not analyse this file: file too large \(50\.\d MB, limit/);
  assert.equal(await client.hover(uri, 2, 16), null);
  await client.close(uri);
  await alive();
});

test('binary content is skipped with a message', async () => {
  const uri = uriOf('binary.c');
  await client.open(uri, 'MZ\u0000\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u00ff\u00ff');
  const diags = await client.diagnostics(uri);
  assert.match(diags[0]?.message ?? '', /binary content/);
  await alive();
});

test('requests about a closed document get empty answers', async () => {
  const uri = uriOf('closed.c');
  await client.open(uri, SMALL);
  await client.diagnostics(uri);
  const mark = client.mark();
  await client.close(uri);
  // Closing clears the file's diagnostics.
  assert.deepEqual(await client.diagnostics(uri, () => true, 5000, mark), []);
  assert.equal(await client.hover(uri, 2, 16), null);
  const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 10 } };
  assert.deepEqual(await client.codeActions(uri, range, []), []);
  await alive();
});

test('a document that does not parse still gets an answer', async () => {
  const uri = uriOf('broken.c');
  await client.open(uri, 'int WSPConnect(SOCKET s, LPINT lpErrno {\n  if (s == \n  return SOCKET_ERROR;\n}}}}\n#if\n');
  await client.diagnostics(uri);
  await alive();
});
