/** Messages between the fuzz driver and its child process. */
import type { SourceFile } from '../../server/src/core';

export interface ChildRequest {
  id: number;
  path: string;
  /** The input's bytes, base64 (IPC messages are JSON). */
  bytes: string;
  extra?: SourceFile[];
}

export type ChildReply =
  | { id: number; kind: 'ready' }
  | { id: number; kind: 'ok'; ms: number; cpuMs: number; findings: number; parseErrors: number; decoded: string }
  | { id: number; kind: 'throw' | 'stack-overflow' | 'invariant'; ms: number; message: string; stack: string };

/** What became of one input. `hang`: no answer within the budget; `died`: the child exited (OOM, abort). */
export type Outcome =
  | { kind: 'ok'; ms: number; cpuMs: number; findings: number; parseErrors: number; decoded: string }
  | { kind: 'throw' | 'stack-overflow' | 'invariant'; ms: number; message: string; stack: string }
  | { kind: 'hang'; ms: number; message: string }
  | { kind: 'died'; ms: number; message: string };

export type FailureKind = Exclude<Outcome['kind'], 'ok'>;
