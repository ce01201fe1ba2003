/**
 * Runs inputs in a child process with a time budget each. A child that does not answer in time is
 * killed (a hang is detected, not suffered) and a fresh one is started for the next input; so is a child
 * that died. Start-up (loading the grammars) is not counted against any input.
 *
 * The budget is CPU time of the child where the system tells it (Linux /proc), so that a machine shared
 * with other jobs does not turn a slow-but-working analysis into a "hang"; wall-clock time is capped at
 * WALL_FACTOR times the budget all the same, and is the measure where CPU time cannot be read.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildReply, ChildRequest, Outcome } from './protocol';
import type { FuzzInput } from './check-input';

const START_TIMEOUT_MS = 60_000;
export const WALL_FACTOR = 4;

/** User + system CPU time of a process in ms, or null where /proc is not there. */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is [0], utime [11], stime [12], in 1/100 s.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

export class ChildRunner {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private pending: { id: number; child: ChildProcess; resolve: (o: Outcome) => void; t0: number; timer: NodeJS.Timeout } | null = null;
  private stderr = '';
  restarts = 0;

  constructor(
    private readonly script: string,
    private readonly execArgv: string[] = [],
  ) {}

  private start(): Promise<void> {
    this.stderr = '';
    const child = fork(this.script, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: this.execArgv });
    this.child = child;
    child.stderr?.on('data', (d: Buffer) => {
      if (this.stderr.length < 4000) this.stderr += d.toString();
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fuzz child did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.on('message', (m: ChildReply) => {
        if (m.kind === 'ready') {
          clearTimeout(timer);
          resolve();
          return;
        }
        const p = this.pending;
        if (!p || p.id !== m.id || p.child !== child) return;
        clearTimeout(p.timer);
        this.pending = null;
        if (m.kind === 'ok') p.resolve({ kind: 'ok', ms: m.ms, cpuMs: m.cpuMs, findings: m.findings, parseErrors: m.parseErrors, decoded: m.decoded });
        else p.resolve({ kind: m.kind, ms: m.ms, message: m.message, stack: m.stack });
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (this.child === child) this.child = null;
        // Only this child's own request: a child killed for a hang exits after its successor has started.
        const p = this.pending;
        if (p && p.child === child) {
          clearTimeout(p.timer);
          this.pending = null;
          const why = signal ? `signal ${signal}` : `exit code ${code}`;
          p.resolve({ kind: 'died', ms: performance.now() - p.t0, message: `child died (${why}): ${this.stderr.trim().split('\n').slice(-6).join(' | ')}` });
        }
        reject(new Error(`fuzz child exited during start-up (code ${code}, signal ${signal}): ${this.stderr.trim()}`));
      });
    });
    return this.ready;
  }

  async run(input: FuzzInput, budgetMs: number): Promise<Outcome> {
    if (!this.child) {
      if (this.ready) this.restarts++;
      await this.start();
    }
    await this.ready;
    const child = this.child as ChildProcess;
    const id = this.nextId++;
    const req: ChildRequest = { id, path: input.path, bytes: Buffer.from(input.bytes).toString('base64'), extra: input.extra };
    return new Promise<Outcome>((resolve) => {
      const t0 = performance.now();
      const cpu0 = cpuMsOf(child.pid);
      const check = (): void => {
        if (this.pending?.id !== id) return;
        const wall = performance.now() - t0;
        const cpuNow = cpuMsOf(child.pid);
        const cpu = cpu0 === null || cpuNow === null ? null : cpuNow - cpu0;
        const used = cpu ?? wall;
        if (used < budgetMs && wall < budgetMs * WALL_FACTOR) {
          // Starved by other processes rather than busy: look again when the budget could be spent.
          this.pending.timer = setTimeout(check, Math.max(50, budgetMs - used));
          return;
        }
        this.pending = null;
        this.kill();
        const what = cpu === null ? `${Math.round(wall)} ms` : `${Math.round(cpu)} ms of CPU (${Math.round(wall)} ms wall)`;
        resolve({ kind: 'hang', ms: wall, message: `no answer within the budget of ${Math.round(budgetMs)} ms: ${what}` });
      };
      this.pending = { id, child, resolve, t0, timer: setTimeout(check, budgetMs) };
      child.send(req);
    });
  }

  private kill(): void {
    const c = this.child;
    this.child = null;
    if (c && c.exitCode === null) c.kill('SIGKILL');
  }

  stop(): void {
    this.kill();
  }
}
