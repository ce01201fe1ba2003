import { createHash } from 'node:crypto';
import type { Node } from 'web-tree-sitter';
import { argsOf, calleeName } from './flow/eval';
import { withNodeCache } from './flow/node-cache';
import { callSitesOf, type CallSite, type FunctionInfo } from './model/functions';
import type { Run } from './model/run';
import type { RawFinding } from './rules/rule';
import type { FixHint } from './types';

interface CachedStep {
  path: string;
  offset: number;
  message: string;
}

interface CachedFinding extends Omit<RawFinding, 'steps'> {
  steps: CachedStep[];
}

interface Entry {
  implStart: number;
  raw: CachedFinding[];
}

const MAX_DEPENDENCIES = 300;

/**
 * Findings per implementation, reused while neither the function nor anything it can reach changed:
 * the key covers its text, the text and relative position of every function it calls (transitively),
 * and the run's macros, globals, prototypes and proc tables. Typing elsewhere in the file only moves the
 * function: its findings are shifted instead of computed again.
 */
export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private readonly envKeys = new WeakMap<Run, string>();

  constructor(private readonly max = 20000) {}

  key(run: Run, fn: FunctionInfo, contractName: string, salt: string): string {
    const h = createHash('sha1');
    h.update(`${contractName}\0${salt}\0${fn.file.path}\0${fn.node.text}\0${this.envKey(run)}\0`);
    for (const dep of dependencies(run, fn)) {
      const where = dep.file === fn.file ? `@${dep.node.startIndex - fn.node.startIndex}` : `${dep.file.path}@${dep.node.startIndex}`;
      h.update(`${where}\0${dep.node.text}\0`);
    }
    return h.digest('hex');
  }

  get(key: string, run: Run, fn: FunctionInfo): RawFinding[] | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    const delta = fn.node.startIndex - e.implStart;
    const files = new Map(run.files.map((f) => [f.path, f]));
    const out: RawFinding[] = [];
    for (const r of e.raw) {
      const steps = [];
      for (const s of r.steps) {
        const file = files.get(s.path);
        if (!file) return undefined;
        steps.push({ file, offset: s.path === fn.file.path ? s.offset + delta : s.offset, message: s.message });
      }
      out.push({ ...r, start: r.start + delta, end: r.end + delta, fix: shiftFix(r.fix, delta), steps });
    }
    return out;
  }

  set(key: string, fn: FunctionInfo, raw: RawFinding[]): void {
    this.entries.set(key, {
      implStart: fn.node.startIndex,
      raw: raw.map((r) => ({ ...r, steps: r.steps.map((s) => ({ path: s.file.path, offset: s.offset, message: s.message })) })),
    });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  private envKey(run: Run): string {
    let k = this.envKeys.get(run);
    if (k === undefined) {
      k = createHash('sha1').update(run.environmentText()).digest('hex');
      this.envKeys.set(run, k);
    }
    return k;
  }
}

/** Functions a function can reach through calls resolved by name in the run. */
function dependencies(run: Run, fn: FunctionInfo): FunctionInfo[] {
  const seen = new Map<string, FunctionInfo>();
  const queue: FunctionInfo[] = [fn];
  while (queue.length && seen.size < MAX_DEPENDENCIES) {
    const cur = queue.shift()!;
    for (const { name, argCount: n } of callSitesOf(cur, readCallSites)) {
      for (const dep of run.functionsNamed(name)) {
        if (dep.key === fn.key || seen.has(dep.key) || dep.params.length !== n) continue;
        seen.set(dep.key, dep);
        queue.push(dep);
      }
    }
  }
  return [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

function readCallSites(body: Node): CallSite[] {
  // Node reads through the node cache, as the analysis itself does (each read crosses into WASM).
  return withNodeCache(() => {
    const out: CallSite[] = [];
    for (const call of body.descendantsOfType('call_expression')) {
      const name = call ? calleeName(call) : null;
      if (call && name) out.push({ name, argCount: argsOf(call).length });
    }
    return out;
  });
}

function shiftFix(fix: FixHint | undefined, delta: number): FixHint | undefined {
  if (!fix || delta === 0) return fix;
  const out: Record<string, unknown> = { ...fix };
  for (const [k, v] of Object.entries(fix)) if (k.endsWith('Offset') && typeof v === 'number') out[k] = v + delta;
  return out as unknown as FixHint;
}

