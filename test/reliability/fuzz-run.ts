/** Runs `scripts/fuzz.mjs` (bundle + run) as a child process and reads its JSON answer. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = process.env.WSPLINT_ROOT ?? process.cwd();

export interface FuzzProcess {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runFuzz(args: string[], env: NodeJS.ProcessEnv = {}): Promise<FuzzProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'fuzz.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last line of stdout as JSON (the fuzzer prints its summary there with --json). */
export function lastJson<T>(p: FuzzProcess): T {
  const line = p.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`fuzz printed no JSON (exit ${p.code}): ${p.stdout.slice(-500)} ${p.stderr.slice(-2000)}`);
  }
}
