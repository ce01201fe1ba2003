// One run of an e2e runner: cleanups that always happen (success, failure, signal, overall timeout),
// and the closing `e2e: N passed, N failed` line with the exit code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Tally } from './tally.mjs';

export function buildProject(root, log) {
  log('building (node scripts/build.mjs)');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) throw new Error('node scripts/build.mjs failed');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `main({ tally, signal, onCleanup, onFinally })` under an overall timeout, then cleans up, prints the
 * tally and exits. onCleanup: stop a process (run newest first, as soon as the run ends or is aborted);
 * onFinally: remove a temp dir (run after every process is gone). On timeout or signal, `signal` aborts,
 * the processes are stopped, and main gets a moment to notice before the temp dirs go.
 */
export function runMain(main, { timeoutMs, afterCleanup = () => {} }) {
  const tally = new Tally();
  const abort = new AbortController();
  const cleanups = [];
  const finals = [];
  let finished = false;

  const drain = async (list) => {
    while (list.length) {
      try {
        await list.pop()();
      } catch (e) {
        console.error(`[e2e] cleanup: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };

  const mainDone = main({ tally, signal: abort.signal, onCleanup: (fn) => cleanups.push(fn), onFinally: (fn) => finals.push(fn) })
    .catch((e) => {
      if (!abort.signal.aborted) tally.fail('e2e setup', e);
    })
    .finally(() => finish());

  async function finish(reason) {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    if (reason) {
      tally.fail('e2e run', reason);
      abort.abort(reason);
    }
    await drain(cleanups);
    // An aborted main may be inside an await that fails only now that its processes are gone.
    await Promise.race([mainDone, sleep(15_000)]);
    await drain(cleanups);
    await drain(finals);
    afterCleanup();
    if (tally.passed.length + tally.failed.length === 0) tally.fail('e2e run', new Error('no check ran'));
    console.log(tally.summary());
    process.exit(tally.failed.length === 0 ? 0 : 1);
  }

  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void finish(new Error(`interrupted by ${sig}`)));
  const timer = setTimeout(() => void finish(new Error(`overall timeout: not done after ${timeoutMs} ms`)), timeoutMs);
}
