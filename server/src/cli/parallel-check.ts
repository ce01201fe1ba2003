/**
 * `wsplint check --jobs N`: the files are cut into contiguous chunks (in the order they were collected) and
 * handed to N worker threads one chunk at a time. Every worker holds all files, because a finding in one
 * file can depend on a helper's summary from any other; it reports only the chunk it was given. Chunk
 * results are delivered in chunk order, so the merged report is the serial one, byte for byte.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileReport, Finding, SourceFile } from '../core';
import type { ChunkRequest, WorkerReply, WorkerSetup } from './worker-protocol';

export interface ParallelRun {
  jobs: number;
  extraMacros: string[];
  /** Called once per chunk, in chunk (file) order, as soon as every earlier chunk is done. */
  onChunk?: (findings: Finding[], paths: string[]) => void;
  /** Files analysed so far (any order), for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

export interface ParallelResult {
  findings: Finding[];
  files: FileReport[];
  workers: number;
  backend: string;
}

/** The bundled worker beside the CLI bundle (dist/check-worker.js). */
export function workerScript(): string {
  const p = join(__dirname, 'check-worker.js');
  if (!existsSync(p)) throw new Error(`--jobs: the worker bundle ${p} is missing (rebuild with node scripts/build.mjs)`);
  return p;
}

/** Contiguous chunks of about equal text size; more chunks than workers so a slow chunk does not hold the others. */
export function chunkFiles(files: readonly SourceFile[], chunks: number): string[][] {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const target = Math.max(1, total / Math.max(1, chunks));
  const out: string[][] = [];
  let cur: string[] = [];
  let size = 0;
  for (const f of files) {
    cur.push(f.path);
    size += f.text.length;
    if (size >= target) {
      out.push(cur);
      cur = [];
      size = 0;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

export function analyzeParallel(files: SourceFile[], run: ParallelRun): Promise<ParallelResult> {
  const chunks = chunkFiles(files, run.jobs * 4);
  const workerCount = Math.max(1, Math.min(run.jobs, chunks.length));
  const script = workerScript();
  const setup: WorkerSetup = { files, extraMacros: run.extraMacros };
  return new Promise<ParallelResult>((resolve, reject) => {
    const workers: Worker[] = [];
    const results: (Finding[] | undefined)[] = chunks.map(() => undefined);
    let reports: FileReport[] | undefined;
    let backend = '';
    let next = 0;
    let delivered = 0;
    let filesDone = 0;
    let settled = false;
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const dispatch = (w: Worker): void => {
      if (next < chunks.length) {
        const req: ChunkRequest = { id: next, paths: chunks[next] };
        next++;
        w.postMessage(req);
      } else w.postMessage(null);
    };
    const finishIfDone = (): void => {
      while (delivered < chunks.length && results[delivered] !== undefined) {
        run.onChunk?.(results[delivered] as Finding[], chunks[delivered]);
        delivered++;
      }
      if (delivered === chunks.length && !settled) {
        settled = true;
        for (const w of workers) void w.terminate();
        resolve({ findings: results.flatMap((r) => r ?? []), files: reports ?? [], workers: workerCount, backend });
      }
    };
    for (let i = 0; i < workerCount; i++) {
      const w = new Worker(script, { workerData: setup });
      workers.push(w);
      w.on('message', (m: WorkerReply | { kind: 'ready' }) => {
        if (m.kind === 'ready') return dispatch(w);
        if (m.kind === 'failed') return fail(new Error(`analysis worker failed: ${m.error}`));
        results[m.id] = m.findings;
        reports ??= m.files;
        backend = m.backend;
        filesDone += chunks[m.id].length;
        run.onProgress?.(filesDone, files.length);
        dispatch(w);
        finishIfDone();
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (!settled && code !== 0) fail(new Error(`analysis worker exited with code ${code}`));
      });
    }
  });
}
