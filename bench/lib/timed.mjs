// Runs a command and measures it: wall time, CPU time (user + system) and peak RSS, from GNU time
// (/usr/bin/time, installed by bench/setup.sh). CPU time is the steadier figure on a shared machine.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/**
 * @param {string} cmd @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number, keepStdout?: boolean }} [opts]
 * @returns {Promise<{ code: number | null, wallMs: number, cpuMs: number | null, maxRssMb: number | null, stdout: string, stderr: string, timedOut: boolean }>}
 */
export function timed(cmd, args, opts = {}) {
  const gnu = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), 'wsplint-bench-'));
  const out = join(dir, 'time.txt');
  const argv = gnu ? [GNU_TIME, '-o', out, '-f', '%U %S %M', cmd, ...args] : [cmd, ...args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    let timedOut = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : null;
    child.stdout.on('data', (d) => {
      if (opts.keepStdout !== false) stdout.push(d);
    });
    child.stderr.on('data', (d) => stderr.push(d));
    child.on('error', (e) => {
      rmSync(dir, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const wallMs = performance.now() - t0;
      let cpuMs = null;
      let maxRssMb = null;
      if (gnu && existsSync(out)) {
        const last = readFileSync(out, 'utf8').trim().split('\n').pop() ?? '';
        const m = /^([\d.]+) ([\d.]+) (\d+)$/.exec(last);
        if (m) {
          cpuMs = (Number(m[1]) + Number(m[2])) * 1000;
          maxRssMb = Number(m[3]) / 1024;
        }
      }
      rmSync(dir, { recursive: true, force: true });
      let err = Buffer.concat(stderr).toString('utf8');
      // GNU time reports a non-zero exit on stderr; that line is ours, not the tool's.
      err = err.replace(/^Command exited with non-zero status \d+\n/m, '');
      resolve({ code, wallMs, cpuMs, maxRssMb, stdout: Buffer.concat(stdout).toString('utf8'), stderr: err, timedOut });
    });
  });
}

/** @param {number} x @param {number} [digits] */
export const round = (x, digits = 0) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** p-th percentile (0..100) of numbers, nearest rank. @param {number[]} xs @param {number} p */
export function percentile(xs, p) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
