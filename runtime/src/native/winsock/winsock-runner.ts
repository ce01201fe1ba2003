/**
 * The `winsock` stack: real Winsock. The snippet's file is compiled as C with the generated harness
 * (./harness.ts) and run (under Wine off Windows) in a temporary folder removed afterwards, with a
 * wall-clock limit after which the program is killed. Its records become the same SnippetResult the
 * simulated stack produces.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import { cParser } from '../../interp/parser';
import type { SnippetInfo } from '../../interp/snippets';
import type { SnippetRunner } from '../../runner';
import type { Profile, SnippetResult } from '../../types';
import type { NetPolicy } from '../net-policy';
import { LOOPBACK_ONLY } from '../net-policy';
import { INCLUDES, RECORD_PREFIX, harnessHead, harnessMain } from './harness';
import { killTree } from './kill-tree';
import { makeRunDir, removeRunDir } from './run-dirs';
import { parseHarnessOutput } from './parse-output';
import { rewriteCalls } from './rewrite';
import type { Toolchain } from './toolchain';
import { cacheRoot, findToolchain, prepareWine } from './toolchain';
import { precompiledHeader } from './precompiled';

export interface WinsockRunnerOptions {
  policy?: NetPolicy;
  /** Wall-clock limit of one snippet's program, in ms. */
  limitMs?: number;
  /** Found on first use when not given. */
  toolchain?: Toolchain;
  /** The file name compiler messages use (default `snippet.c`). */
  fileName?: string;
}

export const DEFAULT_WINSOCK_LIMIT_MS = 10_000;
const COMPILE_LIMIT_MS = 60_000;
/** The harness's first record: the program runs. */
const STARTED = `${RECORD_PREFIX}{"t":"env"`;
/** The name the user's code has inside the generated program, for compiler messages. */
const SOURCE_NAME = 'snippet.c';

interface Exit {
  code: number | null;
  timedOut: boolean;
  /** Killed before the program started (Wine did not get it running in time). */
  notStarted: boolean;
  stderr: string;
}

/** How long Wine may take to start the program (a cold Wine server on a busy machine takes seconds). */
const STARTUP_LIMIT_MS = 30_000;

interface LimitOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  limitMs: number;
  /** Standard output goes here; the limit starts when `startedWhen` appears in it. */
  outFile?: string;
  startedWhen?: string;
}

/**
 * Runs a program with a wall-clock limit, killed when it passes. With `startedWhen`, the limit
 * counts from the moment the program printed that text (Wine's own start-up is not the snippet's
 * time), and start-up has a limit of its own.
 */
function runWithLimit(command: string, args: string[], options: LimitOptions): Promise<Exit> {
  return new Promise((resolve) => {
    // Standard output goes to a file, not a pipe: Wine's server and services inherit the program's
    // handles and would hold a pipe open for seconds after the program has ended.
    const out = options.outFile ? openSync(options.outFile, 'w') : 'ignore';
    let stderr = '';
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, options.outFile ? out : 'pipe'] });
    if (typeof out === 'number') closeSync(out);
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 20_000) stderr += d.toString();
    });
    let timedOut = false;
    let started = options.startedWhen === undefined;
    const kill = (): void => {
      timedOut = true;
      // The whole tree: a compiled snippet (native code) may have started processes of its own.
      killTree(child.pid);
    };
    let timer = setTimeout(kill, started ? options.limitMs : STARTUP_LIMIT_MS);
    const poll = started
      ? undefined
      : setInterval(() => {
          if (startedIn(options.outFile as string, options.startedWhen as string)) {
            started = true;
            clearInterval(poll);
            clearTimeout(timer);
            timer = setTimeout(kill, options.limitMs);
          }
        }, 50);
    const done = (code: number | null): void => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, timedOut, notStarted: timedOut && !started, stderr });
    };
    child.on('error', (e) => {
      stderr += e.message;
      done(null);
    });
    child.on('exit', (code) => done(code));
  });
}

function startedIn(file: string, marker: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(marker);
  } catch {
    return false;
  }
}

/** Parameters of the snippet's function (`(void)` and `()` have none): main calls it without arguments. */
function parameterCount(snippet: SnippetInfo): number {
  const list = snippet.node.descendantsOfType('parameter_list')[0];
  if (!list) return 0;
  const params = list.namedChildren.filter((p) => p !== null && p.type !== 'comment');
  const onlyVoid = params.length === 1 && params[0]?.text.trim() === 'void';
  return onlyVoid ? 0 : params.length;
}

export class WinsockRunner implements SnippetRunner {
  readonly stack = 'winsock' as const;
  private readonly policy: NetPolicy;
  private readonly limitMs: number;
  private toolchain: Toolchain | null;

  constructor(options: WinsockRunnerOptions = {}) {
    this.policy = options.policy ?? LOOPBACK_ONLY;
    this.limitMs = options.limitMs ?? DEFAULT_WINSOCK_LIMIT_MS;
    this.toolchain = options.toolchain ?? null;
  }

  async run(source: string, snippet: SnippetInfo, profile: Profile): Promise<SnippetResult> {
    const result = (parts: Partial<SnippetResult>): SnippetResult => ({
      name: snippet.name,
      line: snippet.line,
      stack: 'winsock',
      profile,
      calls: [],
      events: [],
      output: [],
      error: null,
      ...parts,
    });
    if (snippet.errors.length) return result({ error: snippet.errors.join('; ') });
    const params = parameterCount(snippet);
    if (params > 0) return result({ error: `line ${snippet.line}: a snippet function takes no parameters (${snippet.functionName} has ${params})` });
    this.toolchain ??= findToolchain();
    const tc = this.toolchain;
    const dir = await makeRunDir();
    try {
      const program = await this.generate(source);
      const cFile = join(dir, 'harness.c');
      const exe = join(dir, 'snippet.exe');
      await writeFile(cFile, `${program.text}\n${harnessMain([snippet.functionName])}`);
      const compiled = await this.compile(tc, dir, cFile, exe);
      if (compiled !== null) return result({ error: compiled });
      await prepareWine(tc);
      const outFile = join(dir, 'out.txt');
      const [command, args] = tc.wine ? [tc.wine, [exe, snippet.functionName]] : [exe, [snippet.functionName]];
      const exit = await runWithLimit(command, args, { cwd: dir, env: tc.env, limitMs: this.limitMs, outFile, startedWhen: STARTED });
      if (exit.notStarted) return result({ error: `${tc.wine ? 'Wine' : 'Windows'} did not start the program within ${STARTUP_LIMIT_MS} ms` });
      const parsed = parseHarnessOutput(readFileSync(outFile, 'utf8'), { ...exit, limitMs: this.limitMs }, this.policy);
      return result({ calls: parsed.calls, events: parsed.events, output: parsed.output, error: parsed.error });
    } finally {
      await removeRunDir(dir);
    }
  }

  /** The whole C program but its main: harness head, then the user's file with its calls rewritten. */
  private async generate(source: string): Promise<{ text: string; calls: number }> {
    const parser = await cParser();
    const tree = parser.parse(source) as Tree;
    try {
      const rewritten = rewriteCalls(source, tree.rootNode);
      return { text: `${harnessHead(this.policy)}\n#line 1 "${SOURCE_NAME}"\n${rewritten.text}`, calls: rewritten.calls };
    } finally {
      tree.delete();
    }
  }

  /** null when it compiled, else the message the run stops with (the compiler's errors, trimmed). */
  private async compile(tc: Toolchain, dir: string, cFile: string, exe: string): Promise<string | null> {
    const pch = await precompiledHeader(tc, INCLUDES, cacheRoot(tc.env));
    const args =
      tc.compilerKind === 'cl'
        ? ['/nologo', '/w', `/Fe:${exe}`, cFile, 'ws2_32.lib', 'user32.lib']
        : ['-std=gnu11', '-w', '-O0', ...(pch ? ['-include', pch] : []), '-o', exe, cFile, '-lws2_32', '-luser32'];
    const exit = await runWithLimit(tc.compiler, args, { cwd: dir, env: tc.env, limitMs: COMPILE_LIMIT_MS });
    if (exit.code === 0) return null;
    if (exit.timedOut) return `the compiler did not finish within ${COMPILE_LIMIT_MS} ms`;
    const errors = exit.stderr
      .split('\n')
      .filter((l) => /error|undefined reference/i.test(l))
      .map((l) => l.replace(dir, '').replace(/^[/\\]/, ''))
      .slice(0, 5);
    return `the snippet does not compile for Windows (${tc.compiler}): ${errors.length ? errors.join(' | ') : exit.stderr.trim().slice(0, 400)}`;
  }
}
