/**
 * Worker thread of `wsplint check --jobs N`: one shard of the files. It parses only its shard, tells the
 * main thread what the other shards need to know (functions, tables, macros, globals), and analyses its
 * shard in a run that knows the other files by those facts: another shard's file is parsed here only if
 * a tree of it is needed (a helper defined there), which keeps each file parsed about once in all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../core';
import { loadParsers, useCompiledWasm } from '../core/parse/parser';
import { shardServer } from './shard-server';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol';

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('check-worker: not started as a worker thread');
  const setup = workerData as WorkerSetup;
  if (setup.wasm) useCompiledWasm(setup.wasm);
  const analyzer = await createAnalyzer({ extraMacros: setup.extraMacros, reuseResults: false });
  const send = (m: WorkerReply): void => port.postMessage(m);
  // Parse progress for the main thread's progress line, a message per 20 files at most.
  let unsent = 0;
  const onParsed = (): void => {
    if (++unsent < 20) return;
    send({ kind: 'progress', files: unsent });
    unsent = 0;
  };
  const handle = shardServer(analyzer, setup.files, (await loadParsers()).backend, onParsed);
  port.on('message', (req: WorkerRequest) => {
    if (req === null) return port.close();
    // Test hook: a worker dying at this step (the main thread must still give the report).
    if (process.env.WSPLINT_TEST_WORKER_EXIT === req.kind) process.exit(70);
    const reply = handle(req);
    if (unsent > 0) {
      send({ kind: 'progress', files: unsent });
      unsent = 0;
    }
    send(reply);
  });
  send({ kind: 'ready' });
}

serve().catch((e: unknown) => {
  parentPort?.postMessage({ kind: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
});
