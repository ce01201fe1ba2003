/**
 * Finds what a Winsock run needs: a compiler that produces a Windows program, and (off Windows) Wine
 * to run it, with a Wine prefix kept in a cache folder outside the repository (the first Wine start
 * creates it and takes seconds; later runs reuse it).
 */
import { accessSync, constants, existsSync, mkdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { spawn } from 'node:child_process';

export interface Toolchain {
  /** `gcc`: mingw-w64 style command line; `cl`: the MSVC compiler. */
  compilerKind: 'gcc' | 'cl';
  compiler: string;
  /** null on Windows: the program runs directly. */
  wine: string | null;
  /** Environment for Wine (prefix, quiet debug output). */
  env: NodeJS.ProcessEnv;
  /** For details: `Wine` or `Windows`. */
  platform: 'wine' | 'windows';
}

export class ToolchainMissing extends Error {}

const MINGW_PACKAGE = 'gcc-mingw-w64-x86-64-win32';
const WINE_PACKAGE = 'wine64';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` found on PATH (with Windows' extensions there), or null. */
export function findOnPath(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((d) => d.length > 0);
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const name of names) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const p = join(dir, name + ext);
        if (executable(p)) return p;
      }
    }
  }
  return null;
}

/** The user's cache folder (XDG_CACHE_HOME, else ~/.cache): never inside the repository. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
}

/** Where the Wine prefix lives: WSPLINT_WINEPREFIX, else ~/.cache/wsplint-wine. */
export function winePrefix(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WSPLINT_WINEPREFIX) return env.WSPLINT_WINEPREFIX;
  return join(cacheRoot(env), 'wsplint-wine');
}

/** Where Debian's wine64 package puts the loader (it adds nothing to PATH; the `wine` package does). */
export const WINE_FALLBACKS: readonly string[] = ['/usr/lib/wine/wine64', '/usr/lib64/wine/wine64', '/opt/wine-stable/bin/wine64'];

/**
 * The toolchain of this machine, or a ToolchainMissing naming what to install. `env` and
 * `fallbacks` are for tests (a PATH without the tools).
 */
export function findToolchain(env: NodeJS.ProcessEnv = process.env, fallbacks: readonly string[] = WINE_FALLBACKS): Toolchain {
  if (process.platform === 'win32') {
    const gcc = findOnPath(['x86_64-w64-mingw32-gcc', 'gcc', 'clang'], env);
    if (gcc) return { compilerKind: 'gcc', compiler: gcc, wine: null, env: { ...env }, platform: 'windows' };
    const cl = findOnPath(['cl'], env);
    if (cl) return { compilerKind: 'cl', compiler: cl, wine: null, env: { ...env }, platform: 'windows' };
    throw new ToolchainMissing('the winsock stack needs a C compiler: install MinGW-w64 (gcc) or LLVM (clang), or run from a Visual Studio developer prompt (cl)');
  }
  const missing: string[] = [];
  const compiler = findOnPath(['x86_64-w64-mingw32-gcc'], env);
  if (!compiler) missing.push(`x86_64-w64-mingw32-gcc (Debian/Ubuntu package ${MINGW_PACKAGE})`);
  const fromPath = findOnPath(['wine64', 'wine'], env);
  const wine = fromPath ?? fallbacks.find(executable) ?? null;
  if (!wine) missing.push(`wine (Debian/Ubuntu package ${WINE_PACKAGE})`);
  if (!compiler || !wine) {
    throw new ToolchainMissing(
      `the winsock stack needs ${missing.join(' and ')}: install with "apt-get install ${[!compiler ? MINGW_PACKAGE : '', !wine ? WINE_PACKAGE : ''].filter(Boolean).join(' ')}", or use --stack host`,
    );
  }
  const wineEnv: NodeJS.ProcessEnv = {
    ...env,
    WINEPREFIX: winePrefix(env),
    WINEDEBUG: '-all',
    // No Mono or Gecko installer dialogs when the prefix is created.
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    WINELOADER: wine,
  };
  delete wineEnv.DISPLAY;
  delete wineEnv.WAYLAND_DISPLAY;
  return { compilerKind: 'gcc', compiler, wine, env: wineEnv, platform: 'wine' };
}

/** True when the tools are there (for `--stack native` and for tests that skip without them). */
export function toolchainAvailable(env: NodeJS.ProcessEnv = process.env, fallbacks: readonly string[] = WINE_FALLBACKS): boolean {
  try {
    findToolchain(env, fallbacks);
    return true;
  } catch {
    return false;
  }
}

/** Written once wineboot has finished: the prefix is complete. */
const READY = '.wsplint-ready';

let preparing: Promise<void> | null = null;

/**
 * Creates the Wine prefix once (wineboot). A lock folder keeps two processes (parallel test files)
 * from creating it at the same time; a stale lock older than two minutes is taken over.
 */
export function prepareWine(tc: Toolchain, timeoutMs = 120_000): Promise<void> {
  if (tc.wine === null) return Promise.resolve();
  const prefix = tc.env.WINEPREFIX as string;
  if (existsSync(join(prefix, READY))) return Promise.resolve();
  preparing ??= (async () => {
    mkdirSync(join(prefix, '..'), { recursive: true });
    const lock = `${prefix}.lock`;
    const start = Date.now();
    for (;;) {
      try {
        mkdirSync(lock);
        break;
      } catch {
        if (existsSync(join(prefix, READY))) return;
        const age = Date.now() - (statSafe(lock) ?? Date.now());
        if (age > 120_000) rmdirSafe(lock);
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for another process to create the Wine prefix ${prefix}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    try {
      if (!existsSync(join(prefix, READY))) {
        await wineboot(tc, timeoutMs);
        writeFileSync(join(prefix, READY), `created by wsplint ${new Date().toISOString()}\n`);
      }
    } finally {
      rmdirSafe(lock);
    }
  })().finally(() => {
    preparing = null;
  });
  return preparing;
}

function statSafe(p: string): number | null {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return null;
  }
}

function rmdirSafe(p: string): void {
  try {
    rmdirSync(p);
  } catch {
    // already gone
  }
}

function wineboot(tc: Toolchain, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tc.wine as string, ['wineboot', '--init'], { env: tc.env, stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`wineboot did not finish within ${timeoutMs} ms (prefix ${tc.env.WINEPREFIX})`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(tc.env.WINEPREFIX as string)) resolve();
      else reject(new Error(`wineboot exited with ${code} without creating the prefix ${tc.env.WINEPREFIX}`));
    });
  });
}
