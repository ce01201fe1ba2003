/** Messages between `wsplint check --jobs N` and its worker threads (server/src/cli/check-worker.ts). */
import type { FileReport, Finding, GlobalAssignment, PortableFacts, SourceFile } from '../core';
import type { WasmModules } from '../core/parse/parser';

/** Given once, at the worker's start: every file of the run (a helper's tree may be needed from any file). */
export interface WorkerSetup {
  files: SourceFile[];
  extraMacros: string[];
  /** The WASM parser compiled once by the main thread (threads share its machine code); absent for the native one. */
  wasm?: WasmModules;
}

/**
 * The three steps of a sharded run, in order, for the worker's own shard: parse it and say what the
 * others need to know; its assignments to the run's globals; analyse it knowing the other shards' facts.
 */
export type WorkerRequest =
  | { kind: 'facts'; paths: string[] }
  | { kind: 'assignments'; names: string[] }
  | { kind: 'analyze'; foreign: Array<[string, { facts: PortableFacts; assignments: GlobalAssignment[] }]> }
  | null;

export type WorkerReply =
  | { kind: 'ready' }
  /** Not a reply: `files` more files parsed since the last such message. */
  | { kind: 'progress'; files: number }
  | { kind: 'facts'; facts: PortableFacts[]; files: FileReport[]; backend: string }
  | { kind: 'assignments'; assignments: GlobalAssignment[][] }
  | { kind: 'done'; findings: Finding[]; files: FileReport[] }
  | { kind: 'failed'; error: string };
