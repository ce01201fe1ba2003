/**
 * One snippet run, off the server's event loop: a child process (its own process group) hosts the
 * runtime's worker (dist/runtime-worker.js) and relays one request and its answer. A child process and
 * not a bare worker thread because a native run starts processes of its own (the compiler, Wine): when
 * the wall-clock limit passes or the user cancels, killing the group stops all of them, and a server
 * that dies takes its runs with it (the relay exits when its IPC channel closes). No LSP imports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { RunOptions, RunReport } from '../../../runtime/src';
import type { RunRequest, RunResponse } from '../../../runtime/src/worker';

export type RunOutcome =
  | { ok: true; report: RunReport }
  | { ok: false; reason: 'setup' | 'timeout' | 'cancelled' | 'crashed'; error: string };

export interface RunJob {
  readonly done: Promise<RunOutcome>;
  /** Stops the run (kills its process group); `done` then settles as cancelled. */
  cancel(why?: string): void;
}

export interface RunLimits {
  /** Wall-clock limit of the run (wsplint.runTimeoutMs). */
  timeoutMs: number;
  /** Extra time before the process is killed, for a stack that applies the limit itself and reports it. */
  graceMs?: number;
  /** Where the runtime's worker bundle is (dist/runtime-worker.js). */
  workerPath: string;
  /** stderr of the run process, for the server log. */
  onStderr?: (text: string) => void;
}

/**
 * The relay the child runs (`node -e`): plain CommonJS so it needs no file of its own. It forwards the
 * first IPC message to a fresh worker and the worker's answer back, then exits.
 */
const RELAY = `
const { Worker } = require('node:worker_threads');
const workerPath = process.argv[process.argv.length - 1];
process.on('disconnect', () => process.exit(0));
process.once('message', (request) => {
  const w = new Worker(workerPath);
  const reply = (m, code) => process.send(m, () => process.exit(code));
  w.once('message', (m) => reply(m, 0));
  w.once('error', (e) => reply({ id: request.id, ok: false, error: 'the runtime worker failed: ' + (e && e.stack || e) }, 1));
  w.once('exit', (code) => reply({ id: request.id, ok: false, error: 'the runtime worker exited with code ' + code + ' before answering' }, 1));
  w.postMessage(request);
});
`;

let nextId = 1;

export function startRun(source: string, options: RunOptions, limits: RunLimits): RunJob {
  const request: RunRequest = { id: nextId++, source, options };
  const child = spawn(process.execPath, ['-e', RELAY, limits.workerPath], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Its own process group, so that killing it reaches the compiler and Wine a native run starts.
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  let settle: (o: RunOutcome) => void = () => undefined;
  let settled = false;
  const done = new Promise<RunOutcome>((resolve) => {
    settle = (o) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
  });
  const stop = (outcome: RunOutcome): void => {
    settle(outcome);
    killGroup(child);
  };
  const timer = setTimeout(
    () => stop({ ok: false, reason: 'timeout', error: `the run passed its wall-clock limit of ${limits.timeoutMs} ms and was stopped (setting wsplint.runTimeoutMs)` }),
    limits.timeoutMs + (limits.graceMs ?? 0),
  );
  child.stderr?.on('data', (d: Buffer) => limits.onStderr?.(d.toString()));
  child.on('message', (m: unknown) => {
    const r = m as RunResponse;
    if (r.ok) settle({ ok: true, report: r.report });
    else settle({ ok: false, reason: r.error.startsWith('the runtime worker') || r.error.startsWith('internal error') ? 'crashed' : 'setup', error: r.error });
  });
  child.on('error', (e) => stop({ ok: false, reason: 'crashed', error: `could not start the run process: ${e.message}` }));
  child.on('exit', (code, signal) => {
    if (settled) return;
    // The answer may still be on its way through the IPC channel: give it a moment before calling this a crash.
    setTimeout(() => {
      if (settled) return;
      settle({ ok: false, reason: 'crashed', error: `the run process ended (${signal ?? `exit code ${code}`}) without an answer` });
      killGroup(child);
    }, 200);
  });
  child.send(request, (e) => {
    if (e) stop({ ok: false, reason: 'crashed', error: `could not send the run request: ${e.message}` });
  });
  return {
    done,
    cancel: (why = 'the run was cancelled') => stop({ ok: false, reason: 'cancelled', error: why }),
  };
}

/** Kills the run's whole process group (POSIX) or process tree (Windows); a group already gone is fine. */
function killGroup(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    if (child.exitCode === null) spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => child.kill());
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: every process of the group has exited already.
  }
}
