/**
 * `npm run fuzz -- [--seed N] [--count N] [--seconds S] [--jobs N] [--no-canonical] [--no-save]
 * [--budget-scale K] [--json] [--verbose] [--save-dir DIR] [--replay DIR]`: feeds mutated fixtures and pathological inputs to the
 * analysis core, each in a child process with a budget proportional to its size, and reports inputs tried,
 * crashes (throws, stack overflows, broken invariants, deaths) and hangs. Each failure is minimized and
 * saved as a regression fixture (test/reliability/regressions/). Exit code 0 when nothing failed, 1 when
 * something did, 2 on bad arguments. `--replay DIR` runs the saved regressions instead.
 */
import { join } from 'node:path';
import { budgetMs } from './budget';
import type { FuzzInput } from './check-input';
import { ChildRunner } from './child-runner';
import { describeSize, loadSeeds, makeInput, type MadeInput } from './inputs';
import { minimize } from './minimize';
import type { FailureKind, Outcome } from './protocol';
import { loadRegressions, saveRegression } from './regressions';

interface Args {
  seed: number;
  count: number;
  seconds: number;
  jobs: number;
  canonical: boolean;
  save: boolean;
  scale: number;
  json: boolean;
  verbose: boolean;
  replay: string | null;
  /** Where failures are saved (default test/reliability/regressions under the root). */
  saveDir: string | null;
  root: string;
}

export interface Failure {
  kind: FailureKind;
  index: number;
  recipe: string;
  bytes: number;
  message: string;
  saved?: string;
}

export interface FuzzSummary {
  seed: number;
  inputs: number;
  bytes: number;
  crashes: number;
  hangs: number;
  failures: Failure[];
  /** Outcome kinds by count (`ok` included). */
  outcomes: Record<string, number>;
  /** How the inputs were decoded (utf-8, windows-1252, forced-latin1, ...). */
  decoded: Record<string, number>;
  generated: number;
  largest: number;
  /** The input that came closest to its budget (in CPU time, as the budget is counted): its share, times and size. */
  slowest: { recipe: string; ms: number; cpuMs: number; bytes: number; budgetShare: number } | null;
  seconds: number;
  stoppedBy: 'count' | 'time';
  restarts: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { seed: 1, count: 1000, seconds: 600, jobs: 1, canonical: true, save: true, scale: 1, json: false, verbose: false, replay: null, saveDir: null, root: process.env.WSPLINT_ROOT ?? process.cwd() };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    const num = (): number => {
      const v = Number(inline ?? argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${flag} needs a non-negative number`);
      return v;
    };
    if (flag === '--seed') a.seed = Math.floor(num());
    else if (flag === '--count') a.count = Math.floor(num());
    else if (flag === '--seconds') a.seconds = num();
    else if (flag === '--jobs') a.jobs = Math.max(1, Math.floor(num()));
    else if (flag === '--budget-scale') a.scale = num() || 1;
    else if (flag === '--no-canonical') a.canonical = false;
    else if (flag === '--no-save') a.save = false;
    else if (flag === '--json') a.json = true;
    else if (flag === '--verbose') a.verbose = true;
    else if (flag === '--replay') a.replay = inline ?? argv[++i] ?? '';
    else if (flag === '--save-dir') a.saveDir = inline ?? argv[++i] ?? null;
    else if (flag === '--root') a.root = inline ?? argv[++i] ?? a.root;
    else throw new Error(`unknown option ${flag}`);
  }
  return a;
}

const CRASHES: ReadonlySet<FailureKind> = new Set(['throw', 'stack-overflow', 'invariant', 'died']);

async function fuzz(args: Args, childScript: string): Promise<FuzzSummary> {
  const seeds = loadSeeds(args.root);
  if (seeds.length === 0) throw new Error(`no seed files under ${args.root} (test/cases, test/corpus, examples)`);
  const regressionsDir = args.saveDir ?? join(args.root, 'test', 'reliability', 'regressions');
  const runners = Array.from({ length: args.jobs }, () => new ChildRunner(childScript));
  const t0 = Date.now();
  const s: FuzzSummary = { seed: args.seed, inputs: 0, bytes: 0, crashes: 0, hangs: 0, failures: [], outcomes: {}, decoded: {}, generated: 0, largest: 0, slowest: null, seconds: 0, stoppedBy: 'count', restarts: 0 };
  let next = 0;
  const timeUp = (): boolean => (Date.now() - t0) / 1000 >= args.seconds;
  let lastProgress = Date.now();

  async function worker(runner: ChildRunner): Promise<void> {
    while (next < args.count) {
      if (timeUp()) {
        s.stoppedBy = 'time';
        return;
      }
      const index = next++;
      const input = makeInput(seeds, args.seed, index, { canonical: args.canonical });
      const budget = budgetMs(input.bytes.length, args.scale);
      const outcome = await runner.run(input, budget);
      record(input, index, outcome, budget);
      if (args.verbose) process.stderr.write(`fuzz: #${index} ${outcome.kind} ${Math.round(outcome.ms)} ms / ${budget} ms ${describeSize(input.bytes.length)} ${input.recipe}\n`);
      if (outcome.kind !== 'ok') await failed(runner, input, index, outcome, budget);
      if (Date.now() - lastProgress > 30_000) {
        lastProgress = Date.now();
        process.stderr.write(`fuzz: ${s.inputs} inputs, ${s.crashes} crashes, ${s.hangs} hangs, ${Math.round((Date.now() - t0) / 1000)} s\n`);
      }
    }
  }

  function record(input: MadeInput, index: number, o: Outcome, budget: number): void {
    s.inputs++;
    s.bytes += input.bytes.length;
    s.largest = Math.max(s.largest, input.bytes.length);
    if (input.recipe.startsWith('generate')) s.generated++;
    s.outcomes[o.kind] = (s.outcomes[o.kind] ?? 0) + 1;
    if (o.kind === 'ok') s.decoded[o.decoded] = (s.decoded[o.decoded] ?? 0) + 1;
    if (o.kind !== 'ok') return;
    const share = o.cpuMs / budget;
    if (!s.slowest || share > s.slowest.budgetShare) {
      s.slowest = { recipe: `#${index} ${input.recipe}`, ms: Math.round(o.ms), cpuMs: Math.round(o.cpuMs), bytes: input.bytes.length, budgetShare: Math.round(share * 1000) / 1000 };
    }
  }

  async function failed(runner: ChildRunner, input: MadeInput, index: number, o: Exclude<Outcome, { kind: 'ok' }>, budget: number): Promise<void> {
    if (o.kind === 'hang') s.hangs++;
    else if (CRASHES.has(o.kind)) s.crashes++;
    const f: Failure = { kind: o.kind, index, recipe: input.recipe, bytes: input.bytes.length, message: o.message };
    process.stderr.write(`fuzz: #${index} ${o.kind}: ${o.message.split('\n')[0]} (${input.recipe}, ${describeSize(input.bytes.length)})\n`);
    if (args.save) {
      let bytes = input.bytes;
      // Hangs and deaths cost a whole budget per attempt: those are saved as found.
      if (o.kind !== 'hang' && o.kind !== 'died') {
        bytes = await minimize(bytes, async (b) => (await runner.run({ ...input, bytes: b }, budget)).kind === o.kind);
      }
      const small: FuzzInput = { ...input, bytes };
      f.saved = saveRegression(regressionsDir, small, { kind: o.kind, message: o.message, stack: 'stack' in o ? o.stack : undefined, recipe: input.recipe, seed: args.seed, index });
      process.stderr.write(`fuzz:   saved ${f.saved} (${describeSize(bytes.length)})\n`);
    }
    s.failures.push(f);
  }

  try {
    await Promise.all(runners.map((r) => worker(r)));
  } finally {
    for (const r of runners) {
      s.restarts += r.restarts;
      r.stop();
    }
  }
  s.seconds = Math.round((Date.now() - t0) / 100) / 10;
  return s;
}

export interface ReplayResult {
  file: string;
  kind: string;
  expectedKind: string;
  ms: number;
  message?: string;
}

async function replay(args: Args, childScript: string): Promise<ReplayResult[]> {
  const runner = new ChildRunner(childScript);
  const out: ReplayResult[] = [];
  try {
    for (const r of loadRegressions(args.replay as string)) {
      const o = await runner.run(r.input, budgetMs(r.input.bytes.length, args.scale));
      out.push({ file: r.file, kind: o.kind, expectedKind: r.meta.kind, ms: Math.round(o.ms), message: o.kind === 'ok' ? undefined : o.message });
    }
  } finally {
    runner.stop();
  }
  return out;
}

export async function main(argv: string[], childScript: string): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`fuzz: ${(e as Error).message}\n`);
    return 2;
  }
  if (args.replay !== null) {
    const results = await replay(args, childScript);
    process.stdout.write(JSON.stringify(results, null, args.json ? 0 : 2) + '\n');
    return results.every((r) => r.kind === 'ok') ? 0 : 1;
  }
  const s = await fuzz(args, childScript);
  if (args.json) process.stdout.write(JSON.stringify(s) + '\n');
  else {
    process.stdout.write(
      `fuzz: seed ${s.seed}: ${s.inputs} inputs (${s.generated} generated, ${describeSize(s.bytes)} in all, largest ${describeSize(s.largest)}) in ${s.seconds} s, stopped by ${s.stoppedBy}\n` +
        `fuzz: ${s.crashes} crashes, ${s.hangs} hangs; outcomes ${JSON.stringify(s.outcomes)}; decoded ${JSON.stringify(s.decoded)}; child restarts ${s.restarts}\n` +
        (s.slowest ? `fuzz: closest to its budget: ${s.slowest.recipe}: ${s.slowest.cpuMs} ms of CPU (${s.slowest.ms} ms wall) for ${describeSize(s.slowest.bytes)} (${Math.round(s.slowest.budgetShare * 100)}% of the budget)\n` : ''),
    );
  }
  return s.crashes + s.hangs === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2), join(__dirname, 'child.js')).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`fuzz: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(2);
    },
  );
}
