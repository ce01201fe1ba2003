/**
 * `wsplint check --jobs N`: the files are cut into N contiguous shards of about equal size (in the order
 * they were collected, so a provider's files mostly share a shard) and each worker thread parses one.
 * The run goes in three steps that every worker takes together: the shard's facts (functions, tables,
 * macros, globals), its assignments to the run's globals, then the analysis of the shard knowing the
 * other shards by their facts. The report is the serial one, byte for byte; shards' findings are
 * delivered in shard order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createAnalyzer, runGlobalNames, type FileReport, type Finding, type GlobalAssignment, type PortableFacts, type SourceFile } from '../core';
import { compileWasmModules, loadParsers, requestedBackend, useCompiledWasm } from '../core/parse/parser';
import { shardServer, type ShardHandler } from './shard-server';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol';

export interface ParallelRun {
  jobs: number;
  extraMacros: string[];
  /** Called once per shard, in shard (file) order, as soon as every earlier shard is done. */
  onChunk?: (findings: Finding[], paths: string[]) => void;
  /** `n` more files parsed (by any thread), for a progress line. */
  onParsed?: (n: number) => void;
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

/** Contiguous chunks of about equal text size. */
export function chunkFiles(files: readonly SourceFile[], chunks: number): string[][] {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const out: string[][] = [];
  let cur: string[] = [];
  let size = 0;
  let before = 0;
  for (const f of files) {
    cur.push(f.path);
    size += f.text.length;
    // Cut when this chunk reached its share of what is left, so the last chunk is not a sliver.
    if (out.length < chunks - 1 && size >= (total - before) / (chunks - out.length)) {
      out.push(cur);
      before += size;
      cur = [];
      size = 0;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A shard of the run: a worker thread, or the main thread itself. */
interface Shard {
  readonly paths: string[];
  readonly ready: Promise<WorkerReply>;
  ask(req: NonNullable<WorkerRequest>): Promise<WorkerReply>;
  close(): void;
}

/** The main thread's own shard: answered at once (asked last, after the workers have their requests). */
class LocalShard implements Shard {
  readonly ready: Promise<WorkerReply> = Promise.resolve({ kind: 'ready' });

  constructor(
    readonly paths: string[],
    private readonly handle: ShardHandler,
  ) {}

  ask(req: NonNullable<WorkerRequest>): Promise<WorkerReply> {
    const reply = this.handle(req);
    return reply.kind === 'failed' ? Promise.reject(new Error(`analysis failed: ${reply.error}`)) : Promise.resolve(reply);
  }

  close(): void {}
}

/** One worker and the replies it owes, in order. */
class ShardWorker implements Shard {
  private readonly waiting: Array<{ resolve: (m: WorkerReply) => void; reject: (e: Error) => void }> = [];
  private failure: Error | undefined;
  readonly ready: Promise<WorkerReply>;

  constructor(
    readonly worker: Worker,
    readonly paths: string[],
    onProgress?: (files: number) => void,
  ) {
    this.ready = this.next();
    worker.on('message', (m: WorkerReply) => {
      if (m.kind === 'progress') return onProgress?.(m.files);
      const w = this.waiting.shift();
      if (!w) return;
      if (m.kind === 'failed') w.reject(new Error(`analysis worker failed: ${m.error}`));
      else w.resolve(m);
    });
    const fail = (e: Error): void => {
      this.failure ??= e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`analysis worker exited with code ${code}`));
    });
  }

  private next(): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  ask(req: NonNullable<WorkerRequest>): Promise<WorkerReply> {
    const reply = this.next();
    this.worker.postMessage(req);
    return reply;
  }

  close(): void {
    void this.worker.terminate();
  }
}

function expect<K extends NonNullable<WorkerReply>['kind']>(m: WorkerReply, kind: K): Extract<WorkerReply, { kind: K }> {
  if (m.kind !== kind) throw new Error(`analysis worker: expected a '${kind}' reply, got '${m.kind}'`);
  return m as Extract<WorkerReply, { kind: K }>;
}

export async function analyzeParallel(files: SourceFile[], run: ParallelRun): Promise<ParallelResult> {
  const shards = chunkFiles(files, run.jobs);
  const script = workerScript();
  const wasm = requestedBackend() === 'wasm' ? await compileWasmModules() : undefined;
  const setup: WorkerSetup = { files, extraMacros: run.extraMacros, wasm };
  // N-1 workers and the main thread (which would otherwise wait idle) take the last shard.
  const workers: Shard[] = shards.slice(0, -1).map((paths) => new ShardWorker(new Worker(script, { workerData: setup }), paths, run.onParsed));
  try {
    if (wasm) useCompiledWasm(wasm);
    const analyzer = await createAnalyzer({ extraMacros: run.extraMacros, reuseResults: false });
    workers.push(new LocalShard(shards[shards.length - 1], shardServer(analyzer, files, (await loadParsers()).backend, () => run.onParsed?.(1))));
    // 1. Facts of every shard. Asked at once: a worker still starting finds the request waiting, and the
    // main thread's shard is done meanwhile (asked last, so the workers have theirs first).
    const ready = Promise.all(workers.map((w) => w.ready));
    const factReplies = await Promise.all(workers.map(async (w) => expect(await w.ask({ kind: 'facts', paths: w.paths }), 'facts')));
    await ready;
    const byPath = new Map<string, PortableFacts>();
    for (const r of factReplies) for (const f of r.facts) byPath.set(f.path, f);
    // In run order (the order of `files`), as a single run notes them.
    const inOrder = files.flatMap((f) => byPath.get(f.path) ?? []);
    const names = runGlobalNames(inOrder);
    // 2. Assignments to the run's globals.
    const assignments = new Map<string, GlobalAssignment[]>();
    await Promise.all(
      workers.map(async (w, i) => {
        const r = expect(await w.ask({ kind: 'assignments', names }), 'assignments');
        factReplies[i].facts.forEach((f, k) => assignments.set(f.path, r.assignments[k] ?? []));
      }),
    );
    // 3. Each shard analysed knowing the others; results delivered in shard order.
    const results: Array<{ findings: Finding[]; files: FileReport[] } | undefined> = shards.map(() => undefined);
    let delivered = 0;
    await Promise.all(
      workers.map(async (w, i) => {
        const own = new Set(w.paths);
        const foreign = inOrder.filter((f) => !own.has(f.path)).map((f): [string, { facts: PortableFacts; assignments: GlobalAssignment[] }] => [f.path, { facts: f, assignments: assignments.get(f.path) ?? [] }]);
        const r = expect(await w.ask({ kind: 'analyze', foreign }), 'done');
        results[i] = { findings: r.findings, files: r.files };
        while (delivered < shards.length && results[delivered]) {
          run.onChunk?.(results[delivered]!.findings, shards[delivered]);
          delivered++;
        }
      }),
    );
    const order = new Map(files.map((f, i) => [f.path, i]));
    const reports = results.flatMap((r) => r?.files ?? []).sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
    return { findings: results.flatMap((r) => r?.findings ?? []), files: reports, workers: workers.length, backend: factReplies[0]?.backend ?? '' };
  } finally {
    for (const w of workers) w.close();
  }
}
