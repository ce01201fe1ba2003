/**
 * One shard of `wsplint check --jobs N`, answering the coordinator's three requests in order (see
 * parallel-check.ts): in a worker thread (check-worker.ts) or on the main thread, which takes the last
 * shard itself instead of waiting idle.
 */
import type { Analyzer, SourceFile } from '../core';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export type ShardHandler = (req: NonNullable<WorkerRequest>) => WorkerReply;

/** `onParsed`: told after each file of the shard is parsed. */
export function shardServer(analyzer: Analyzer, files: readonly SourceFile[], backend: string, onParsed?: () => void): ShardHandler {
  const byPath = new Map(files.map((f) => [f.path, f]));
  let own: SourceFile[] = [];
  // The files of the shard that parsed (the others are not part of the run).
  let parsedPaths: string[] = [];
  return (req) => {
    try {
      if (req.kind === 'facts') {
        own = req.paths.map((p) => byPath.get(p)).filter((f): f is SourceFile => !!f);
        const facts = analyzer.shardFacts(own, onParsed);
        parsedPaths = facts.facts.map((f) => f.path);
        return { kind: 'facts', ...facts, backend };
      }
      if (req.kind === 'assignments') return { kind: 'assignments', assignments: analyzer.shardAssignments(parsedPaths, req.names) };
      const result = analyzer.analyzeShard([...files], new Set(own.map((f) => f.path)), new Map(req.foreign));
      return { kind: 'done', findings: result.findings, files: result.files };
    } catch (e) {
      return { kind: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  };
}
