/**
 * `wsplint` command line: `check` runs the analysis core headless (for CI), `run` hands over to the
 * reference runtime, `lsp` starts the language server. Exit codes: 0 no findings, 1 findings, 2 usage
 * or I/O errors (one line on stderr).
 */
import { resolve } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import pkg from '../../package.json';
import { createAnalyzer, type AnalysisResult, type SourceFile } from './core';
import { collectSourceFiles, InputError, SOURCE_EXTENSIONS } from './core/io/collect-files';
import { ioReason, readSourceFileSync } from './core/io/read-source';
import { formatJson } from './core/report/json';
import { sortFindings } from './core/report/order';
import { loadRuleDocs } from './core/report/rule-docs';
import { formatSarif } from './core/report/sarif';
import { findingLines, formatText, summaryLine } from './core/report/text';
import { analyzeParallel, type ParallelResult } from './cli/parallel-check';
import { fixCommand } from './cli/fix-command';
import { ProgressLine, wantsProgress } from './cli/progress-line';
import { loadParsers } from './core/parse/parser';

/** What a subcommand gets instead of touching process globals (so it can run in tests and workers). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Progress lines go to stderr only when it is a terminal. */
  stderrIsTTY?: boolean;
}

/** Implemented by runtime/src/cli-run.ts (`wsplint run`). */
type RunCommand = (argv: string[], io: CliIo) => number | Promise<number>;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `wsplint ${pkg.version}: checks Winsock service provider (ws2spi) code against the SPI contract

Usage:
  wsplint check <files or folders...> [--format text|json|sarif] [--output FILE] [--macro NAME] [--jobs N]
  wsplint fix <files...> [--write]    apply the safe fixes (prints a diff without --write)
  wsplint run <file> [options]        run snippets on the reference runtime (wsplint run --help)
  wsplint lsp --stdio                 start the language server
  wsplint --help | --version

Exit codes: 0 no findings, 1 findings, 2 usage or I/O error.
`;

const CHECK_HELP = `Usage: wsplint check <files or folders...> [--format text|json|sarif] [--output FILE] [--macro NAME] [--jobs N]

Folders are walked for ${[...SOURCE_EXTENSIONS].join(' ')} files (node_modules and dot folders are skipped);
files named explicitly are checked whatever their extension. Binary, unreadable and over-10 MB files are
reported on stderr and skipped.

Options:
  -f, --format FORMAT   text (default), json or sarif
  -o, --output FILE     write the report to FILE instead of standard output
      --macro NAME      blank macro NAME before parsing, like the built-in SAL and WSPAPI names
                        (repeat it, or give NAME,NAME,...)
  -j, --jobs N          analyse in N shards on N threads; the report is the same for every N (default:
                        one per core for inputs of 512 KB or more, 8 MB on 2-3 cores; else one)
  -h, --help            show this help

On a terminal, stderr shows the progress (files parsed, then the analysis); WSPLINT_PROGRESS=1 shows it
anywhere. Exit codes: 0 no findings, 1 findings, 2 usage or I/O error (or nothing could be checked).
`;

class UsageError extends Error {}

/** Returns the exit code, or null when the command keeps running (the language server). */
export async function main(argv: readonly string[], io: CliIo): Promise<number | null> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      io.stderr(HELP);
      return 2;
    case '-h':
    case '--help':
    case 'help':
      io.stdout(HELP);
      return 0;
    case '-v':
    case '--version':
      io.stdout(`${pkg.version}\n`);
      return 0;
    case 'fix':
      return fixCommand(rest, io);
    case 'check':
      return check(rest, io);
    case 'run':
      return run(rest, io);
    case 'lsp':
      return lsp(rest, io);
    default:
      throw new UsageError(
        command.startsWith('-')
          ? `unknown option ${command} (see wsplint --help)`
          : `unknown command '${command}' (commands: check, fix, run, lsp; see wsplint --help)`,
      );
  }
}

interface CheckOptions {
  format: Format;
  output: string | null;
  /** Extra macro names to blank before parsing (project-specific annotation or calling-convention macros). */
  macros: string[];
  paths: string[];
  /** Worker threads; null = as many as cores, one for small inputs. */
  jobs: number | null;
}

/**
 * When `--jobs` is unset: one shard per core, from this much source text up. Each shard is parsed and
 * analysed on its own thread, but a serial run already keeps a second core busy with V8's JIT and GC
 * (bench/RESULTS.md: 1.25 s wall for 1.91 s CPU on 100k lines). Measured on 2 cores: 100k lines (3.5 MB)
 * 1.30 s on 2 shards vs 1.25 s serial, 1M lines (35 MB) 7.47 vs 8.83 s; from 4 cores the shards have
 * cores of their own.
 */
function parallelMinChars(cores: number): number {
  if (cores < 2) return Number.POSITIVE_INFINITY;
  return cores < 4 ? 8 * 1024 * 1024 : 512 * 1024;
}

function defaultJobs(chars: number): number {
  const cores = availableParallelism();
  return chars < parallelMinChars(cores) ? 1 : cores;
}

function parseCheckArgs(args: readonly string[]): CheckOptions | 'help' {
  const opts: CheckOptions = { format: 'text', output: null, macros: [], paths: [], jobs: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      opts.paths.push(...args.slice(i + 1));
      break;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (what: string): string => {
      const v = inline ?? args[++i];
      // `--output --format json` means the file name was forgotten, not a file named "--format".
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`missing argument: ${name} needs ${what}`);
      return v;
    };
    if (name === '-h' || name === '--help') return 'help';
    if (name === '-f' || name === '--format') {
      const v = value('a format (text, json or sarif)');
      if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown format '${v}' (expected text, json or sarif)`);
      opts.format = v as Format;
    } else if (name === '-o' || name === '--output') {
      opts.output = value('a file name');
    } else if (name === '--macro') {
      const names = value('a macro name').split(',').map((m) => m.trim()).filter(Boolean);
      const bad = names.find((m) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(m));
      if (bad !== undefined) throw new UsageError(`--macro: '${bad}' is not a C identifier`);
      opts.macros.push(...names);
    } else if (name === '-j' || name === '--jobs') {
      const v = value('a number of worker threads');
      if (!/^[1-9][0-9]{0,3}$/.test(v)) throw new UsageError(`--jobs: '${v}' is not a whole number from 1 to 9999`);
      opts.jobs = Number(v);
    } else if (name.startsWith('-') && name !== '-') {
      throw new UsageError(`unknown option ${name} (see wsplint check --help)`);
    } else {
      opts.paths.push(arg);
    }
  }
  return opts;
}

async function check(args: readonly string[], io: CliIo): Promise<number> {
  const opts = parseCheckArgs(args);
  if (opts === 'help') {
    io.stdout(CHECK_HELP);
    return 0;
  }
  if (opts.paths.length === 0) throw new UsageError('check: no input files (give files or folders to check)');
  let collected;
  try {
    collected = collectSourceFiles(opts.paths, io.cwd);
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
  if (collected.files.length === 0) {
    throw new UsageError(`check: no input files (no ${[...SOURCE_EXTENSIONS].join(' ')} files under ${opts.paths.join(', ')})`);
  }
  const skipped = [...collected.skipped];
  const sources: SourceFile[] = [];
  for (const path of collected.files) {
    const read = readSourceFileSync(resolve(io.cwd, path));
    if (read.kind === 'text') sources.push({ path, text: read.text });
    else skipped.push({ path, reason: read.reason });
  }
  for (const s of skipped) io.stderr(`wsplint: skipped ${s.path}: ${s.reason}\n`);
  if (sources.length === 0) throw new UsageError('check: no input file could be read');

  const chars = sources.reduce((n, s) => n + s.text.length, 0);
  const jobs = opts.jobs ?? defaultJobs(chars);
  // Text to standard output is streamed chunk by chunk when the run is parallel; the other formats are documents.
  const streaming = jobs > 1 && opts.format === 'text' && !opts.output;
  const t0 = performance.now();
  const progress = wantsProgress(io.stderrIsTTY) ? new ProgressLine((t) => io.stderr(t), sources.length) : null;
  const onOneThread = async (line: ProgressLine | null): Promise<AnalysisResult> =>
    (await createAnalyzer({ extraMacros: opts.macros, reuseResults: false })).analyze(sources, { onParsed: line ? () => line.parsedFiles(1) : undefined });
  // Files whose findings were already streamed to stdout by the parallel run.
  const streamed = new Set<string>();
  let result: AnalysisResult | ParallelResult;
  if (jobs > 1) {
    try {
      result = await checkParallel(sources, collected.files, opts, jobs, io, streaming, progress, streamed);
    } catch (e) {
      // A worker that dies (out of memory, a bug) must not cost the report: the same analysis on one thread.
      progress?.done();
      io.stderr(`wsplint: the parallel analysis failed (${(e instanceof Error ? e.message : String(e)).split('\n')[0]}); analysing on one thread instead\n`);
      const again = progress ? new ProgressLine((t) => io.stderr(t), sources.length) : null;
      result = await onOneThread(again);
      again?.done();
      if (streaming) {
        const lines = sortFindings(result.findings.filter((f) => !streamed.has(f.file)), collected.files).flatMap(findingLines);
        if (lines.length) io.stdout(`${lines.join('\n')}\n`);
      }
    }
  } else result = await onOneThread(progress);
  progress?.done();
  if (process.env.WSPLINT_CHECK_STATS === '1') {
    // For benchmarks and tests: how the run was done (not part of any report format).
    const backend = 'backend' in result ? result.backend : (await loadParsers()).backend;
    const workers = 'workers' in result ? result.workers : 0;
    io.stderr(`wsplint: stats ${JSON.stringify({ files: sources.length, workers, backend, analysisMs: Math.round(performance.now() - t0) })}\n`);
  }
  for (const f of result.files) {
    if (f.skipped) {
      skipped.push({ path: f.path, reason: f.skipped });
      io.stderr(`wsplint: skipped ${f.path}: ${f.skipped}\n`);
    }
  }
  const findings = sortFindings(result.findings, collected.files);
  const checked = sources.length - result.files.filter((f) => f.skipped).length;
  const report =
    opts.format === 'json'
      ? formatJson(findings)
      : opts.format === 'sarif'
        ? formatSarif(findings, {
            cwd: io.cwd,
            toolVersion: pkg.version,
            // dist/cli.js sits one folder below the root that holds docs/rules/.
            ruleDocs: loadRuleDocs(resolve(__dirname, '..')),
            skipped,
          })
        : formatText(findings, { checked, skipped: skipped.length });
  if (streaming) {
    io.stdout(`${summaryLine(findings, { checked, skipped: skipped.length })}\n`);
  } else if (opts.output) {
    const out = resolve(io.cwd, opts.output);
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report);
    } catch (e) {
      io.stderr(`wsplint: cannot write ${opts.output}: ${ioReason(e)}\n`);
      return 2;
    }
  } else {
    io.stdout(report);
  }
  return findings.length > 0 ? 1 : 0;
}

async function checkParallel(
  sources: SourceFile[],
  order: readonly string[],
  opts: CheckOptions,
  jobs: number,
  io: CliIo,
  streaming: boolean,
  progress: ProgressLine | null,
  streamed: Set<string>,
): Promise<ParallelResult> {
  return analyzeParallel(sources, {
    jobs,
    extraMacros: opts.macros,
    onChunk: streaming
      ? (findings, paths) => {
          // The progress line is erased before findings are printed under it.
          progress?.done();
          for (const p of paths) streamed.add(p);
          const lines = sortFindings(findings, order).flatMap(findingLines);
          if (lines.length) io.stdout(`${lines.join('\n')}\n`);
        }
      : undefined,
    onParsed: progress ? (n) => progress.parsedFiles(n) : undefined,
  });
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  let mod: { runCommand?: RunCommand };
  try {
    // Inside try: the bundler leaves the require in place while runtime/src/cli-run.ts does not exist yet.
    mod = require('../../runtime/src/cli-run') as { runCommand?: RunCommand };
  } catch (e) {
    if (isModuleNotFound(e, 'runtime/src/cli-run')) {
      io.stderr('wsplint: run is not available in this build (the reference runtime was not bundled)\n');
      return 2;
    }
    throw e;
  }
  if (typeof mod.runCommand !== 'function') {
    io.stderr('wsplint: run is not available in this build (runtime/src/cli-run.ts exports no runCommand)\n');
    return 2;
  }
  return mod.runCommand([...args], io);
}

type LspTransport = 'stdio' | 'node-ipc';

async function lsp(args: readonly string[], io: CliIo): Promise<number | null> {
  const transports: string[] = args.filter((a) => a === '--stdio' || a === '--node-ipc');
  const unknown = args.find((a) => !transports.includes(a));
  if (unknown !== undefined) throw new UsageError(`lsp: unknown option ${unknown} (expected --stdio or --node-ipc)`);
  if (transports.length !== 1) throw new UsageError('lsp: give exactly one transport (wsplint lsp --stdio)');
  let mod: { startServer?: (transport?: LspTransport) => unknown };
  try {
    mod = require('./lsp/server') as typeof mod;
  } catch (e) {
    if (isModuleNotFound(e, 'lsp/server')) {
      io.stderr('wsplint: lsp is not available in this build (the language server was not bundled)\n');
      return 2;
    }
    throw e;
  }
  if (typeof mod.startServer !== 'function') {
    io.stderr('wsplint: lsp is not available in this build (server/src/lsp/server.ts exports no startServer)\n');
    return 2;
  }
  // The server keeps the process alive on its transport; there is no exit code to give.
  await mod.startServer(transports[0] === '--stdio' ? 'stdio' : 'node-ipc');
  return null;
}

/** True only when the module itself is missing, not one of its own dependencies. */
function isModuleNotFound(e: unknown, specifier: string): boolean {
  return (
    e instanceof Error && (e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && e.message.includes(specifier)
  );
}

function start(): void {
  const io: CliIo = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
  };
  // `wsplint check . | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  main(process.argv.slice(2), io).then(
    (code) => {
      if (code !== null) process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) io.stderr(`wsplint: ${e.message}\n`);
      else io.stderr(`wsplint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

start();
