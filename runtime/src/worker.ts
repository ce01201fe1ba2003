/**
 * worker_threads entry (bundled to dist/runtime-worker.js): the language server runs snippets here,
 * never on its own event loop. Each request message is answered with one response message; a request
 * passed as workerData is answered once on start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RunOptions } from './runner';
import { RunSetupError, runSource } from './runner';
import type { RunReport } from './types';

export interface RunRequest {
  id: number;
  source: string;
  options: RunOptions;
}

export type RunResponse = { id: number; ok: true; report: RunReport } | { id: number; ok: false; error: string };

async function handle(req: RunRequest): Promise<RunResponse> {
  try {
    return { id: req.id, ok: true, report: await runSource(req.source, req.options) };
  } catch (e) {
    const message = e instanceof RunSetupError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { id: req.id, ok: false, error: message };
  }
}

function isRequest(x: unknown): x is RunRequest {
  return typeof x === 'object' && x !== null && typeof (x as RunRequest).source === 'string' && typeof (x as RunRequest).id === 'number';
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: unknown) => {
    if (!isRequest(msg)) {
      port.postMessage({ id: -1, ok: false, error: 'malformed run request' } satisfies RunResponse);
      return;
    }
    void handle(msg).then((r) => port.postMessage(r));
  });
  if (isRequest(workerData)) void handle(workerData).then((r) => port.postMessage(r));
}
