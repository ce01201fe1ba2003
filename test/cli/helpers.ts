/** Spawns the built CLI the way a user or CI does (`node bin/wsplint.js ...`). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = process.env.WSPLINT_ROOT ?? resolve(__dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'test', 'cli', 'fixtures');
/** The fixture with one errno-not-set: `return SOCKET_ERROR;` at line 18, column 9. */
export const ERRNO_FIXTURE = join(FIXTURES, 'errno-not-set.c');
export const ERRNO_LINE = 18;
export const ERRNO_COLUMN = 9;
export const CLEAN_FIXTURE = join(FIXTURES, 'clean-lsp.c');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function wsplint(args: string[], cwd: string = ROOT): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'wsplint.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder; the returned function removes it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'wsplint-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function parseJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`not JSON (${(e as Error).message}):\n${text.slice(0, 500)}`);
  }
}
