// The bundled worker (dist/runtime-worker.js) answers run requests off the main thread.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { RunResponse } from '../../runtime/src/worker';
import { ROOT } from './helpers';

const WORKER = join(ROOT, 'dist', 'runtime-worker.js');
const SOURCE = '// wsplint:snippet w\nvoid w(void) { int e; WSPListen(7, 1, &e); printf("%d\\n", e); }\n';

function ask(worker: Worker, msg: unknown): Promise<RunResponse> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: RunResponse) => resolve(m));
    worker.once('error', reject);
    worker.postMessage(msg);
  });
}

test('the worker runs requests and answers with the run report or a clear error', { timeout: 20000 }, async () => {
  assert.ok(existsSync(WORKER), `${WORKER} is missing: run the build first`);
  const worker = new Worker(WORKER);
  try {
    const ok = await ask(worker, { id: 1, source: SOURCE, options: {} });
    assert.equal(ok.id, 1);
    assert.ok(ok.ok);
    if (ok.ok) {
      assert.equal(ok.report.snippets[0].calls[0].error, 'WSAENOTSOCK');
      assert.deepEqual(ok.report.snippets[0].output, ['10038']);
    }
    const bad = await ask(worker, { id: 2, source: 'int x;', options: {} });
    assert.deepEqual(bad, { id: 2, ok: false, error: 'no snippet found: mark a function with a "// wsplint:snippet" comment' });
    const junk = await ask(worker, { hello: 1 });
    assert.equal(junk.ok, false);
  } finally {
    await worker.terminate();
  }
});
