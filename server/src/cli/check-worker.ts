/**
 * Worker thread of `wsplint check --jobs N`: one shard of the files. It parses only its shard, tells the
 * main thread what the other shards need to know (functions, tables, macros, globals), and analyses its
 * shard in a run that knows the other files by those facts: another shard's file is parsed here only if
 * a tree of it is needed (a helper defined there), which keeps each file parsed about once in all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer, type SourceFile } from '../core';
import { loadParsers, useCompiledWasm } from '../core/parse/parser';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol';

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('check-worker: not started as a worker thread');
  const setup = workerData as WorkerSetup;
  if (setup.wasm) useCompiledWasm(setup.wasm);
  const analyzer = await createAnalyzer({ ...(setup.extraMacros.length ? { extraMacros: setup.extraMacros } : {}), reuseResults: false });
  const backend = (await loadParsers()).backend;
  const byPath = new Map(setup.files.map((f) => [f.path, f]));
  let own: SourceFile[] = [];
  // The files of the shard that parsed (the others are not part of the run).
  let parsedPaths: string[] = [];
  const send = (m: WorkerReply): void => port.postMessage(m);
  port.on('message', (req: WorkerRequest) => {
    if (req === null) {
      port.close();
      return;
    }
    try {
      if (req.kind === 'facts') {
        own = req.paths.map((p) => byPath.get(p)).filter((f): f is SourceFile => !!f);
        const facts = analyzer.shardFacts(own);
        parsedPaths = facts.facts.map((f) => f.path);
        send({ kind: 'facts', ...facts, backend });
      } else if (req.kind === 'assignments') {
        send({ kind: 'assignments', assignments: analyzer.shardAssignments(parsedPaths, req.names) });
      } else {
        const result = analyzer.analyzeShard(setup.files, new Set(own.map((f) => f.path)), new Map(req.foreign));
        send({ kind: 'done', findings: result.findings, files: result.files });
      }
    } catch (e) {
      send({ kind: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
  send({ kind: 'ready' });
}

serve().catch((e: unknown) => {
  parentPort?.postMessage({ kind: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
});
