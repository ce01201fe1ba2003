/**
 * Worker thread of `wsplint check --jobs N`. It holds every file of the run (summaries cross files) and
 * analyses the chunks of files the main thread hands it, reporting only those chunks' findings. Its
 * analyzer keeps the parsed files between chunks, so each file is parsed once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../core';
import { loadParsers } from '../core/parse/parser';
import type { ChunkRequest, WorkerReply, WorkerSetup } from './worker-protocol';

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('check-worker: not started as a worker thread');
  const setup = workerData as WorkerSetup;
  const analyzer = await createAnalyzer(setup.extraMacros.length ? { extraMacros: setup.extraMacros } : {});
  const backend = (await loadParsers()).backend;
  port.on('message', (req: ChunkRequest | null) => {
    if (req === null) {
      port.close();
      return;
    }
    let reply: WorkerReply;
    try {
      const result = analyzer.analyze(setup.files, { reportOnly: req.paths });
      reply = { kind: 'done', id: req.id, findings: result.findings, files: result.files, backend };
    } catch (e) {
      reply = { kind: 'failed', id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ kind: 'ready' });
}

serve().catch((e: unknown) => {
  parentPort?.postMessage({ kind: 'failed', id: -1, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
});
