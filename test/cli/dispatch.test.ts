/** `wsplint lsp` and `wsplint run` hand over to the language server and the runtime. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, wsplint } from './helpers';

test('lsp --stdio answers initialize over JSON-RPC', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'wsplint.js'), 'lsp', '--stdio'], { cwd: ROOT });
  try {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<{ id?: number; result?: { capabilities?: object } }>((resolve, reject) => {
      let buf = Buffer.alloc(0);
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`no initialize result within 20 s; stderr: ${stderr}`)), 20_000);
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('exit', (code) => reject(new Error(`server exited with ${code}; stderr: ${stderr}`)));
      child.stdout.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        for (;;) {
          const sep = buf.indexOf('\r\n\r\n');
          if (sep < 0) return;
          const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, sep).toString())?.[1]);
          if (buf.length < sep + 4 + len) return;
          const msg = JSON.parse(buf.subarray(sep + 4, sep + 4 + len).toString()) as { id?: number };
          buf = buf.subarray(sep + 4 + len);
          if (msg.id === 1) {
            clearTimeout(timer);
            resolve(msg);
          }
        }
      });
    });
    assert.equal(typeof reply.result?.capabilities, 'object');
  } finally {
    child.kill();
  }
});

test('run on a file that does not exist exits 2 with a message', () => {
  const r = wsplint(['run', 'no-such-snippets.c']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\S/);
});
