/**
 * A precompiled header of the Windows headers the harness includes. Parsing windows.h and winsock2.h
 * is most of a snippet's compile time (about 0.3 s of 0.4 s with mingw-w64); the header is compiled
 * once per compiler into a cache folder and reused by every later run.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Toolchain } from './toolchain';

const HEADER = 'wsplint-windows.h';
const made = new Map<string, Promise<string | null>>();

function compileHeader(tc: Toolchain, header: string, gch: string): Promise<boolean> {
  return new Promise((resolve) => {
    // Written beside the final name, then renamed: a parallel run never reads half a file.
    const tmp = `${gch}.${process.pid}.tmp`;
    const child = spawn(tc.compiler, ['-std=gnu11', '-w', '-O0', '-x', 'c-header', '-o', tmp, header], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        rmSync(tmp, { force: true });
        resolve(false);
        return;
      }
      renameSync(tmp, gch);
      resolve(true);
    });
  });
}

/**
 * The header to pass with `-include` (its .gch beside it), or null when the compiler is not gcc-like
 * or the header could not be compiled (the run then compiles without it, only slower).
 */
export function precompiledHeader(tc: Toolchain, includes: string, cacheRoot: string): Promise<string | null> {
  if (tc.compilerKind !== 'gcc') return Promise.resolve(null);
  const key = createHash('sha256').update(tc.compiler).update('\0').update(includes).digest('hex').slice(0, 16);
  let p = made.get(key);
  if (!p) {
    p = (async () => {
      try {
        const dir = join(cacheRoot, 'wsplint-pch', key);
        const header = join(dir, HEADER);
        const gch = `${header}.gch`;
        if (existsSync(gch)) return header;
        mkdirSync(dir, { recursive: true });
        if (!existsSync(header)) {
          writeFileSync(`${header}.${process.pid}.tmp`, includes);
          renameSync(`${header}.${process.pid}.tmp`, header);
        }
        return (await compileHeader(tc, header, gch)) ? header : null;
      } catch {
        return null;
      }
    })();
    made.set(key, p);
  }
  return p;
}
