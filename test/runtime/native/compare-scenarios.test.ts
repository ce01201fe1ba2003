// Every scenario of the runtime (test/runtime/scenarios) on the simulated stack (windows profile) and
// on real Winsock under Wine. Each difference must be listed, with its reason, in docs/runtime-native.md;
// a listed difference that no longer happens must be removed (rows marked "(sometimes)" may not happen).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareResults } from '../../../runtime/src/native/compare';
import type { SnippetComparison } from '../../../runtime/src/native/compare';
import { findToolchain } from '../../../runtime/src/native/winsock/toolchain';
import { runSource } from '../../../runtime/src/runner';
import type { CallRecord } from '../../../runtime/src/types';

const ROOT = process.env.WSPLINT_ROOT ?? join(__dirname, '..', '..', '..', '..');
const SCENARIOS = join(ROOT, 'test', 'runtime', 'scenarios');
const DOC = join(ROOT, 'docs', 'runtime-native.md');
/** Short: a scenario that blocks on Wine (where Windows would not) costs this much. */
const LIMIT_MS = 3000;

function skipReason(): string | false {
  try {
    findToolchain();
    return false;
  } catch (e) {
    return `winsock stack tools are missing: ${e instanceof Error ? e.message : String(e)}`;
  }
}

interface Observed {
  key: string;
  simulated: string;
  winsock: string;
}

function value(c: CallRecord | null): string {
  if (c === null) return 'not called';
  return c.error === null ? String(c.returned) : `${c.returned} ${c.error}`;
}

/** The differences of one scenario, as `file | at` keys with both sides' values. */
function differences(file: string, c: SnippetComparison): Observed[] {
  const out: Observed[] = [];
  const add = (at: string, simulated: string, winsock: string): void => {
    out.push({ key: `${file} | ${at}`, simulated, winsock });
  };
  const refused = c.errors.b !== null && c.errors.b.includes('native run refused');
  const stopped = (c.errors.a === null) !== (c.errors.b === null);
  for (const d of c.calls) {
    // Calls after a run stopped are consequences of the stop, listed once as "refused" or "stopped";
    // so are the events and the output.
    if (d.fields.includes('missing') && (stopped || refused)) continue;
    add(`line ${d.line} ${d.call}`, value(d.a), value(d.b));
  }
  if (refused) add('refused', 'runs on the simulated network', c.errors.b as string);
  else if (stopped) add('stopped', c.errors.a ?? 'ran to the end', c.errors.b ?? 'ran to the end');
  if (stopped || refused) return out;
  for (const e of c.events) add(`event ${e.event}${e.error ? ` ${e.error}` : ''}`, e.onlyIn === 'simulated' ? 'reported' : '-', e.onlyIn === 'winsock' ? 'reported' : '-');
  if (c.output) add('output', JSON.stringify(c.output.a), JSON.stringify(c.output.b));
  return out;
}

/** Rows of the known-differences table: key -> (sometimes, why). */
function documented(): Map<string, { sometimes: boolean; why: string }> {
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf('<!-- known-differences:start -->');
  const end = text.indexOf('<!-- known-differences:end -->');
  assert.ok(start >= 0 && end > start, `${DOC} has no known-differences table markers`);
  const rows = new Map<string, { sometimes: boolean; why: string }>();
  for (const line of text.slice(start, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 7 || !cells[1].endsWith('.c')) continue;
    const sometimes = cells[2].endsWith('(sometimes)');
    const at = cells[2].replace(/\s*\(sometimes\)$/, '').replace(/`/g, '');
    rows.set(`${cells[1]} | ${at}`, { sometimes, why: cells[5] });
  }
  return rows;
}

/** Runs `jobs` two at a time (the machine has two cores; Wine is mostly waiting). */
async function pooled<T>(jobs: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]();
      }
    }),
  );
  return out;
}

test('simulated (windows profile) and Winsock under Wine differ only where docs/runtime-native.md says why', { skip: skipReason(), timeout: 240_000 }, async () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.c')).sort();
  assert.ok(files.length >= 40, `only ${files.length} scenarios`);
  const comparisons = await pooled(
    files.map((file) => async () => {
      const source = readFileSync(join(SCENARIOS, file), 'utf8');
      const sim = await runSource(source, { profile: 'windows' });
      const win = await runSource(source, { profile: 'windows', stack: 'winsock', timeoutMs: LIMIT_MS });
      return { file, c: compareResults(sim.snippets[0], win.snippets[0]) };
    }),
  );
  const observed = comparisons.flatMap(({ file, c }) => differences(file, c));
  const rows = documented();
  const unexplained = observed.filter((o) => !rows.has(o.key));
  assert.deepEqual(
    unexplained.map((o) => `| ${o.key.replace(' | ', ' | ')} | ${o.simulated} | ${o.winsock} | ? |`),
    [],
    'differences not explained in docs/runtime-native.md (add a row with the reason)',
  );
  const seen = new Set(observed.map((o) => o.key));
  const stale = [...rows].filter(([k, r]) => !r.sometimes && !seen.has(k)).map(([k]) => k);
  assert.deepEqual(stale, [], 'rows of docs/runtime-native.md that no longer happen (remove them, or mark "(sometimes)")');
  for (const [k, r] of rows) assert.ok(r.why.length > 10, `${k}: the row says no reason`);
  const agreeing = comparisons.filter(({ file }) => !observed.some((o) => o.key.startsWith(`${file} |`))).length;
  assert.ok(agreeing >= 15, `only ${agreeing} scenarios agree with Winsock: the harness is probably broken`);
});
