/**
 * The temporary folder a compiled snippet runs in: created per run, removed when the run ends. Its name
 * carries the pid of the process that made it, so that a folder left behind by a process that was killed
 * before it could clean up (the editor stopping a run, a crash) is removed by the next run.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'wsplint-winsock-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is someone else's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes run folders whose process is gone. Returns the folders removed. */
export async function removeStaleRunDirs(base: string = tmpdir()): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    await rm(join(base, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export async function makeRunDir(): Promise<string> {
  await removeStaleRunDirs();
  return mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
}

export async function removeRunDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
