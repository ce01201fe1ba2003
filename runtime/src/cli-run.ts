/**
 * `wsplint run <file> [--snippet NAME] [--stack simulated|host|winsock|native] [--compare A,B] [--profile spec|windows] [--format text|json]`.
 * The CLI (server/src/cli.ts) dispatches here with the arguments after `run`.
 * Exit code: 0 when every snippet ran (whatever its calls returned), 2 when one could not be run or the
 * command line is wrong; with --compare, 0 when the two stacks agree and 1 when a result differs.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compareExitCode, compareSource, compareText, parseCompare } from './native/compare-run';
import { reportText } from './report-text';
import type { RunOptions, StackChoice } from './runner';
import { RunSetupError, runSource } from './runner';
import type { Profile } from './types';

export interface RunIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile?: (path: string) => Promise<string> | string;
  /** Relative file names are taken from here (default: the process's working directory). */
  cwd?: string;
}

export const RUN_USAGE = `usage: wsplint run <file> [--snippet NAME] [--stack simulated|host|winsock|native] [--compare A,B] [--profile spec|windows] [--format text|json]

Runs the functions marked "// wsplint:snippet" in <file> against a socket stack and prints, for every
call, what it returned and which error code it set.
  --snippet NAME   run only this snippet
  --stack          simulated (default): the reference runtime; host: this machine's TCP/UDP stack
                   through Node; winsock: the snippet compiled as C and run on real Winsock (Wine off
                   Windows); native: winsock when its tools are installed, else host
  --compare A,B    run on two stacks and report every call whose result differs (exit 1 if any)
  --allow-net LIST native runs reach loopback only; LIST (any, or ADDRESS[/PREFIX],...) widens that
  --timeout MS     wall-clock limit of one snippet, on any stack (default 10000)
  --profile        spec (default): what the reference pages say; windows: what Windows is observed to do
  --format         text (default) or json
`;

interface Parsed {
  file: string;
  options: RunOptions;
  format: 'text' | 'json';
  compare?: [StackChoice, StackChoice];
}

function parseArgs(argv: string[]): Parsed | string {
  let file: string | null = null;
  const options: RunOptions = {};
  let format: 'text' | 'json' = 'text';
  let compare: [StackChoice, StackChoice] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string | null => inline ?? (i + 1 < argv.length ? argv[++i] : null);
    switch (flag) {
      case '--snippet': {
        const v = value();
        if (!v) return '--snippet needs a name';
        options.snippet = v;
        break;
      }
      case '--stack': {
        const v = value();
        if (v !== 'simulated' && v !== 'native' && v !== 'host' && v !== 'winsock') return `--stack must be simulated, host, winsock or native (got ${v ?? 'nothing'})`;
        options.stack = v as StackChoice;
        break;
      }
      case '--compare': {
        const v = parseCompare(value() ?? '');
        if (typeof v === 'string') return v;
        compare = v;
        break;
      }
      case '--allow-net': {
        const v = value();
        if (!v) return '--allow-net needs "any" or ADDRESS[/PREFIX],...';
        options.allowNet = v;
        break;
      }
      case '--timeout': {
        const v = value();
        if (!v || !/^\d+$/.test(v) || Number(v) === 0) return `--timeout needs a number of milliseconds (got ${v ?? 'nothing'})`;
        options.timeoutMs = Number(v);
        break;
      }
      case '--profile': {
        const v = value();
        if (v !== 'spec' && v !== 'windows') return `--profile must be spec or windows (got ${v ?? 'nothing'})`;
        options.profile = v as Profile;
        break;
      }
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') return `--format must be text or json (got ${v ?? 'nothing'})`;
        format = v;
        break;
      }
      default:
        if (a.startsWith('-')) return `unknown option ${a}`;
        if (file !== null) return `only one file can be run (got ${file} and ${a})`;
        file = a;
    }
  }
  if (file === null) return 'no file given';
  if (compare && options.stack) return '--compare and --stack cannot be used together';
  return { file, options, format, compare };
}

export async function runCommand(argv: string[], io: RunIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    io.stderr(`wsplint run: ${parsed}\n${RUN_USAGE}`);
    return 2;
  }
  let source: string;
  try {
    source = io.readFile ? await io.readFile(parsed.file) : await readFile(resolve(io.cwd ?? process.cwd(), parsed.file), 'utf8');
  } catch (e) {
    io.stderr(`wsplint run: cannot read ${parsed.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    if (parsed.compare) {
      const cmp = await compareSource(source, parsed.compare, parsed.options);
      io.stdout(parsed.format === 'json' ? `${JSON.stringify(cmp, null, 2)}\n` : compareText(parsed.file, cmp));
      return compareExitCode(cmp);
    }
    const report = await runSource(source, parsed.options);
    io.stdout(parsed.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportText(parsed.file, report));
    return report.snippets.every((s) => s.error === null) ? 0 : 2;
  } catch (e) {
    if (e instanceof RunSetupError) {
      io.stderr(`wsplint run: ${parsed.file}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
