import type { Node } from 'web-tree-sitter';
import type { ReturnKind } from '../flow/context';
import { assignsGlobal, assignsTo, factsOf } from './file-facts';
import type { FunctionInfo, ParamInfo } from './functions';
import type { ParsedFile } from './parsed-file';
import type { ProcInstall } from './proc-tables';

/**
 * What a run needs to know of a file it did not parse itself, as plain data (it crosses worker threads):
 * `wsplint check --jobs N` parses each file in one worker only and hands the others these facts. A
 * function or table install of such a file is parsed from the text only when its tree is needed (a
 * helper's summary), which in a provider tree is rare: its helpers sit in the same worker's files.
 */
export interface PortableFacts {
  path: string;
  functions: Array<{ name: string; qualified: string; params: ParamInfo[]; start: number }>;
  installs: Array<{ entry: string; functionName: string; table: string; start: number; end: number }>;
  prototypes: Array<[string, ReturnKind]>;
  globalDecls: Array<{ name: string; value: string | null }>;
  defines: Array<[string, string]>;
  macroFns: Array<[string, { params: string[]; body: string }]>;
}

/** An assignment to a file-scope variable of the run (found once the run's global names are known). */
export interface GlobalAssignment {
  name: string;
  value: string | null;
}

export function portableFactsOf(f: ParsedFile): PortableFacts {
  const facts = factsOf(f);
  return {
    path: f.path,
    functions: facts.functions.map((fn) => ({ name: fn.name, qualified: fn.qualified, params: fn.params, start: fn.node.startIndex })),
    installs: facts.installs.map((i) => ({ entry: i.entry, functionName: i.functionName, table: i.table, start: i.node.startIndex, end: i.node.endIndex })),
    prototypes: facts.prototypes,
    globalDecls: facts.globalDecls,
    defines: [...f.defines],
    macroFns: [...f.macroFns],
  };
}

/** Assignments in `f` to the named globals, in the order a run notes them (names, then position). */
export function globalAssignmentsIn(f: ParsedFile, names: readonly string[]): GlobalAssignment[] {
  const facts = factsOf(f);
  return assignsTo(f, names).filter((a) => assignsGlobal(facts, a)).map((a) => ({ name: a.name, value: a.value }));
}

/**
 * A function of a file known by its facts: name, parameters and key are there at once; reading its
 * file, node or body parses the file (through `load`) and finds the definition at the same offset.
 */
export function lazyFunction(ref: PortableFacts['functions'][number], path: string, load: () => ParsedFile): FunctionInfo {
  const key = `${path}:${ref.start}`;
  const get = once(() => factsOf(load()).functions.find((f) => f.key === key), `${key} (${ref.qualified})`);
  return {
    name: ref.name,
    qualified: ref.qualified,
    path,
    params: ref.params,
    key,
    get file(): ParsedFile {
      return get().file;
    },
    get node(): Node {
      return get().node;
    },
    get body(): Node {
      return get().body;
    },
  };
}

/** A proc-table install of a file known by its facts; its node and file, like a function's, on demand. */
export function lazyInstall(ref: PortableFacts['installs'][number], path: string, load: () => ParsedFile): ProcInstall {
  const get = once(() => factsOf(load()).installs.find((i) => i.node.startIndex === ref.start && i.entry === ref.entry), `the ${ref.entry} install at ${path}:${ref.start}`);
  return {
    entry: ref.entry,
    functionName: ref.functionName,
    table: ref.table,
    path,
    get file(): ParsedFile {
      return get().file;
    },
    get node(): Node {
      return get().node;
    },
  };
}

/** The thing `find` finds, found once; the same text parses to the same thing, so it must be there. */
function once<T>(find: () => T | undefined, what: string): () => T {
  let found: T | undefined;
  return () => {
    found ??= find();
    if (found === undefined) throw new Error(`wsplint: ${what} is not in the file any more`);
    return found;
  };
}

/** The run's global names as a Run notes them: every file's file-scope variables, first appearance first. */
export function runGlobalNames(facts: readonly PortableFacts[]): string[] {
  const names = new Set<string>();
  for (const f of facts) for (const g of f.globalDecls) names.add(g.name);
  return [...names];
}
