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

/** Runs `main({ tally, onCleanup })` under an overall timeout, then cleans up, prints the tally and exits. */
export function runMain(main, { timeoutMs, afterCleanup = () => {} }) {
  const tally = new Tally();
  const cleanups = [];
  const onCleanup = (fn) => cleanups.push(fn);
  let finished = false;

  const finish = async (reason) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    if (reason) tally.fail('e2e run', reason);
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (e) {
        console.error(`[e2e] cleanup: ${e.message}`);
      }
    }
    afterCleanup();
    if (tally.passed.length + tally.failed.length === 0) tally.fail('e2e run', new Error('no check ran'));
    console.log(tally.summary());
    process.exit(tally.failed.length === 0 ? 0 : 1);
  };

  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void finish(new Error(`interrupted by ${sig}`)));
  const timer = setTimeout(() => void finish(new Error(`overall timeout: not done after ${timeoutMs} ms`)), timeoutMs);
  main({ tally, onCleanup })
    .catch((e) => tally.fail('e2e setup', e))
    .finally(() => finish());
}
