import type { Node } from 'web-tree-sitter';
import type { ReturnKind, RunContext } from '../flow/context';
import type { HelperSummary } from '../flow/events';
import { summarize } from '../summary/summarize';
import { valKey, type Val } from '../flow/state';

// Per helper. Beyond it the general summary serves, so results could depend on which calls came first:
// kept high enough that real code (a status mapper called with every status it knows) stays below it.
const MAX_SPECIALIZATIONS = 256;
import { knownConstant, parseNumber, type ConstValue } from './constants';
import { factsOf } from './file-facts';
import { globalAssignmentsIn, lazyFunction, lazyInstall, type GlobalAssignment, type PortableFacts } from './portable-facts';
import type { FunctionInfo } from './functions';
import type { ParsedFile } from './parsed-file';
import type { ProcInstall } from './proc-tables';

/** A file of the run that another worker parsed: its facts, its text, and how to parse it when needed. */
export interface ForeignFile {
  kind: 'foreign';
  text: string;
  facts: PortableFacts;
  /** Its assignments to the run's globals (names in the order the run notes them). */
  assignments: GlobalAssignment[];
  load: () => ParsedFile;
}

function isForeign(e: ParsedFile | ForeignFile): e is ForeignFile {
  return 'kind' in e && e.kind === 'foreign';
}

/** What one file brings to a run, whether this run parsed it or knows it by its facts. */
interface Contribution {
  functions: readonly FunctionInfo[];
  installs: readonly ProcInstall[];
  defines: Iterable<[string, string]>;
  macroFns: Iterable<[string, { params: string[]; body: string }]>;
  prototypes: ReadonlyArray<[string, ReturnKind]>;
  globalDecls: ReadonlyArray<{ name: string; value: string | null }>;
  /** Its assignments to the run's globals (a file known by its facts brings them, found for the same names). */
  assignments(names: readonly string[]): readonly GlobalAssignment[];
}

function contribution(e: ParsedFile | ForeignFile): Contribution {
  if (isForeign(e)) {
    const f = e.facts;
    return {
      functions: f.functions.map((ref) => lazyFunction(ref, f.path, e.load)),
      installs: f.installs.map((ref) => lazyInstall(ref, f.path, e.load)),
      defines: f.defines,
      macroFns: f.macroFns,
      prototypes: f.prototypes,
      globalDecls: f.globalDecls,
      assignments: () => e.assignments,
    };
  }
  const facts = factsOf(e);
  return { ...facts, defines: e.defines, macroFns: e.macroFns, assignments: (names) => globalAssignmentsIn(e, names) };
}

/**
 * Everything known across the files of one run: functions (for interprocedural summaries), globals,
 * macros and proc-table installs. Summaries are computed on demand and cached.
 */
export class Run implements RunContext {
  readonly functions: FunctionInfo[] = [];
  readonly installs: ProcInstall[] = [];
  private readonly byName = new Map<string, FunctionInfo[]>();
  private readonly defines = new Map<string, string>();
  private readonly macroFns = new Map<string, { params: string[]; body: string }>();
  private readonly globals = new Map<string, ConstValue[] | null>();
  private readonly prototypes = new Map<string, ReturnKind>();
  private readonly summaries = new Map<string, HelperSummary | null>();
  private readonly inProgress = new Set<string>();
  private readonly specializations = new Map<string, number>();
  private readonly callsMemo = new Map<string, boolean>();

  /** The files parsed in this run (a sharded run also knows other files, by their facts). */
  readonly files: ParsedFile[];
  /** Every file's text, parsed or not (`calls` reads them). */
  private readonly texts: string[];

  constructor(entries: ReadonlyArray<ParsedFile | ForeignFile>) {
    this.files = entries.filter((e): e is ParsedFile => !isForeign(e));
    this.texts = entries.map((e) => e.text);
    const views = entries.map(contribution);
    for (const v of views) {
      for (const fn of v.functions) {
        this.functions.push(fn);
        const list = this.byName.get(fn.name) ?? [];
        list.push(fn);
        this.byName.set(fn.name, list);
      }
      this.installs.push(...v.installs);
      for (const [k, val] of v.defines) if (!this.defines.has(k)) this.defines.set(k, val);
      for (const [k, val] of v.macroFns) if (!this.macroFns.has(k)) this.macroFns.set(k, val);
      for (const [name, kind] of v.prototypes) if (!this.prototypes.has(name)) this.prototypes.set(name, kind);
    }
    // Globals: every file's declarations first, then the assignments to them anywhere in the run.
    for (const v of views) for (const g of v.globalDecls) this.noteGlobal(g.name, g.value, g.value === null);
    const names = [...this.globals.keys()];
    for (const v of views) for (const a of v.assignments(names)) this.noteGlobal(a.name, a.value, false);
  }

  prototype(name: string): ReturnKind | undefined {
    return this.prototypes.get(name);
  }

  /** Some file of the run calls this function (directly, or through a table member named like it, `lpX`). */
  calls(name: string): boolean {
    let known = this.callsMemo.get(name);
    if (known === undefined) {
      // Calls are `name(`: the text says it without walking the tree (a comment saying so would count too).
      const re = new RegExp(`\\b(lp)?${name}\\s*\\(`);
      known = this.texts.some((t) => t.includes(name) && re.test(t));
      this.callsMemo.set(name, known);
    }
    return known;
  }

  /** Everything outside function bodies that analysis results depend on, as text (for cache keys). */
  environmentText(): string {
    const parts: string[] = [];
    for (const [k, v] of this.defines) parts.push(`d ${k}=${v}`);
    for (const [k, v] of this.macroFns) parts.push(`m ${k}(${v.params.join(',')})=${v.body}`);
    for (const [k, v] of this.globals) parts.push(`g ${k}=${v === null ? '?' : v.map((c) => `${c.name ?? ''}:${c.num ?? ''}`).join('|')}`);
    for (const [k, v] of this.prototypes) parts.push(`p ${k}=${v}`);
    for (const i of this.installs) parts.push(`i ${i.table}.${i.entry}=${i.functionName}`);
    parts.push(`ifs ${this.calls('WPUCreateSocketHandle')}`);
    return parts.sort().join('\n');
  }

  functionsNamed(name: string): FunctionInfo[] {
    return this.byName.get(name) ?? [];
  }

  define(name: string): string | undefined {
    return this.defines.get(name);
  }

  macroFn(name: string): { params: string[]; body: string } | undefined {
    return this.macroFns.get(name);
  }

  globalValues(name: string): ConstValue[] | null | undefined {
    return this.globals.get(name);
  }

  summaryFor(call: Node, name: string, argCount: number, caller: FunctionInfo, constArgs: ReadonlyArray<Val | null> = []): HelperSummary | null {
    // C++ default arguments make up for missing ones.
    const fits = (f: FunctionInfo) => f.params.length === argCount || (f.params.length > argCount && f.params.slice(argCount).every((p) => p.defaultValue !== undefined));
    const candidates = (this.byName.get(name) ?? []).filter((f) => fits(f) && f.key !== caller.key);
    if (candidates.length === 0) return null;
    const fn = candidates.find((f) => f.path === caller.path) ?? candidates[0];
    if (fn.params.length > argCount) constArgs = [...constArgs, ...fn.params.slice(argCount).map((p) => this.constantOf(p.defaultValue ?? ''))];
    // Specialize on constant scalar arguments, a few per helper; beyond that the general summary serves.
    const consts = constArgs.map((v, j) => (v && !fn.params[j]?.isPointer ? valKey(v) : '')).join(',');
    const specialized = consts.replace(/,/g, '') !== '' && (this.specializations.get(fn.key) ?? 0) < MAX_SPECIALIZATIONS;
    const key = specialized ? `${fn.key}|${consts}` : fn.key;
    if (this.summaries.has(key)) return this.summaries.get(key)!;
    if (this.inProgress.has(fn.key)) return null; // recursion: treat as unknown code
    this.inProgress.add(fn.key);
    try {
      const s = summarize(this, fn, specialized ? constArgs : []);
      this.summaries.set(key, s);
      if (specialized) this.specializations.set(fn.key, (this.specializations.get(fn.key) ?? 0) + 1);
      return s;
    } finally {
      this.inProgress.delete(fn.key);
    }
  }

  private noteGlobal(name: string, valueText: string | null, uninitialized: boolean): void {
    if (uninitialized) {
      if (!this.globals.has(name)) this.globals.set(name, []);
      return;
    }
    const prev = this.globals.get(name);
    if (prev === null) return;
    const t = (valueText ?? '').replace(/^\(+|\)+$/g, '').trim();
    const num = parseNumber(t);
    const c: ConstValue | undefined = num !== undefined ? { num } : /^[A-Za-z_]\w*$/.test(t) ? knownConstant(t) ?? this.defineConst(t) : undefined;
    if (!c) {
      this.globals.set(name, null);
      return;
    }
    this.globals.set(name, [...(prev ?? []), c]);
  }

  /** A default argument's value, when it is a constant. */
  private constantOf(text: string): Val | null {
    const t = text.trim();
    const num = parseNumber(t);
    if (num !== undefined) return { k: 'const', num };
    const c = /^[A-Za-z_]\w*$/.test(t) ? knownConstant(t) ?? this.defineConst(t) : undefined;
    return c ? { k: 'const', ...c } : null;
  }

  private defineConst(name: string): ConstValue | undefined {
    const v = this.defines.get(name);
    if (v === undefined) return undefined;
    const num = parseNumber(v.trim());
    if (num !== undefined) return { name, num };
    const k = knownConstant(v.trim());
    return k ? { ...k, name: k.name ?? name } : undefined;
  }


}

