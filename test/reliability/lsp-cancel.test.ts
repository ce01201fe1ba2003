/**
 * Cancelled requests stop work: fix-all on a large document analyses it once per round; a
 * $/cancelRequest sent while it runs makes the server stop at the next round and answer RequestCancelled
 * (-32800) instead of finishing, and the server is free for the next request right away.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONNECT_HEAD, RawClient, type PublishParams } from './raw-lsp';

let client: RawClient;
before(async () => {
  client = await RawClient.start();
});
after(async () => {
  await client.stop();
});

/** Many implementations whose fixes overlap (a copy needing a NULL guard and a bound): fix-all takes rounds. */
function bigDocument(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(
      CONNECT_HEAD.replace('WSPConnect', `WSPConnect${i}`) +
        '    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) { *lpErrno = WSAEFAULT; return SOCKET_ERROR; }\n' +
        '    memcpy(lpCalleeData->buf, "reply", 5);\n' +
        '    lpCalleeData->len = 5;\n' +
        `    if (s == ${i}) return SOCKET_ERROR;\n` +
        '    return 0;\n}\n',
      `void Install${i}(LPWSPPROC_TABLE t) { t->lpWSPConnect = WSPConnect${i}; }\n`,
    );
  }
  return parts.join('\n');
}

const URI = 'file:///cancel/big.c';

test('a cancelled fix-all answers RequestCancelled sooner than a full one takes, and the server stays free', async (t) => {
  const text = bigDocument(150);
  client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'c', version: 1, text } });
  const pub = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).uri === URI, 120_000);
  assert.ok((pub.msg.params as PublishParams).diagnostics.length >= 150, 'the document has findings to fix');
  const fixAll = { title: 'Fix all', kind: 'source.fixAll.wsplint', data: { fixAll: true, uri: URI, version: 1 } };

  const t0 = Date.now();
  const full = await client.request('codeAction/resolve', fixAll);
  const fullMs = Date.now() - t0;
  assert.equal(full.error, undefined);
  assert.ok(JSON.stringify(full.result).includes('lpCalleeData != NULL'), 'the full fix-all produced an edit');

  const t1 = Date.now();
  const { id, response } = client.send('codeAction/resolve', fixAll);
  await new Promise((r) => setTimeout(r, 20));
  client.notify('$/cancelRequest', { id });
  const cancelled = await response;
  const cancelledMs = Date.now() - t1;
  t.diagnostic(`full fix-all ${fullMs} ms, cancelled after ${cancelledMs} ms`);
  assert.equal(cancelled.error?.code, -32800, `RequestCancelled, got ${JSON.stringify(cancelled).slice(0, 300)}`);
  assert.ok(cancelledMs < fullMs, `cancelled after ${cancelledMs} ms; the full fix-all took ${fullMs} ms`);
  const t2 = Date.now();
  await client.alive();
  assert.ok(Date.now() - t2 < Math.max(1000, fullMs / 2), 'the next request is not stuck behind the cancelled work');
});

test('a request cancelled before it is read is answered RequestCancelled at once', async () => {
  const { id, response } = client.send('codeAction/resolve', { title: 'Fix all', kind: 'source.fixAll.wsplint', data: { fixAll: true, uri: URI, version: 1 } });
  client.notify('$/cancelRequest', { id });
  const r = await response;
  assert.equal(r.error?.code, -32800, JSON.stringify(r).slice(0, 300));
});
