/** Messages between `wsplint check --jobs N` and its worker threads (server/src/cli/check-worker.ts). */
import type { FileReport, Finding, SourceFile } from '../core';

/** Given once, at the worker's start: every file of the run, so interprocedural summaries see all of them. */
export interface WorkerSetup {
  files: SourceFile[];
  extraMacros: string[];
}

/** Analyse all files, report only these. */
export interface ChunkRequest {
  id: number;
  paths: string[];
}

export type WorkerReply =
  | { kind: 'done'; id: number; findings: Finding[]; files: FileReport[]; backend: string }
  | { kind: 'failed'; id: number; error: string };
