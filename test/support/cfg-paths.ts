import type { Node } from 'web-tree-sitter';
import { buildCfg, type Cfg, type CfgNode, type Edge } from '../../server/src/core/flow/cfg';
import { blankMacros } from '../../server/src/core/parse/blank';
import { loadParsers } from '../../server/src/core/parse/parser';
import type { Language } from '../../server/src/core/types';

/**
 * Helpers for CFG unit tests: build the graph of the first function in a snippet, and read it back as
 * bounded path lists of statement texts, so a test states the paths it expects in source terms.
 */

export interface BuiltCfg {
  cfg: Cfg;
  body: Node;
}

/** The CFG of the first function definition in `src` (blanked like real input, then parsed). */
export async function cfgOf(src: string, language: Language = 'c'): Promise<BuiltCfg> {
  const parsers = await loadParsers();
  const tree = parsers.parse(blankMacros(src).text, language);
  const def = tree.rootNode.descendantsOfType('function_definition')[0];
  const body = def?.childForFieldName('body');
  if (!body) throw new Error(`no function body in: ${src.slice(0, 80)}`);
  if (body.hasError) throw new Error(`the test snippet does not parse: ${body.toString()}`);
  return { cfg: buildCfg(body), body };
}

/** One-line text of a node (whitespace runs collapsed). */
export function flat(n: Node | null): string {
  return (n?.text ?? '').replace(/\s+/g, ' ').trim();
}

/** How a node reads in a path: the statement text, `L:` for a label, `exit` for the exit. */
export function nodeText(cfg: Cfg, id: number): string {
  const n = cfg.nodes[id];
  if (id === cfg.exit) return 'exit';
  if (n.kind === 'label') return `${n.ast?.childForFieldName('label')?.text ?? '?'}:`;
  return flat(n.ast);
}

/** How leaving a decision reads: `(x) true`, `switch (v) case 1`, `#ifdef A`, `except`. */
function edgeText(cfg: Cfg, n: CfgNode, e: Edge): string | null {
  switch (n.kind) {
    case 'cond':
      return `${flat(n.ast)} ${e.kind}`;
    case 'switch':
      return e.kind === 'case' ? `switch ${flat(n.ast)} case ${e.label}` : `switch ${flat(n.ast)} ${e.label}`;
    case 'join':
      if (e.kind === 'ifdef') return e.label ?? '#?';
      if (e.kind === 'seq' || e.kind === 'finally') return null;
      return e.kind;
    case 'entry':
      return null;
    default:
      return nodeText(cfg, n.id);
  }
}

export interface PathOptions {
  /** How often one node may appear in a path before the path is cut as a loop (default 1: no repeats). */
  maxVisits?: number;
  /** Stop enumerating after this many paths (default 2000). */
  maxPaths?: number;
}

/**
 * Every path from the entry, as ` → `-joined texts. A path ends with `exit`, with `↺ <text>` when it
 * would go round a loop more than maxVisits times, or with `STUCK` when a node has no successor.
 */
export function paths(cfg: Cfg, options: PathOptions = {}): string[] {
  const maxVisits = options.maxVisits ?? 1;
  const maxPaths = options.maxPaths ?? 2000;
  const out: string[] = [];
  const visits = new Map<number, number>();
  const walk = (id: number, acc: string[]): void => {
    if (out.length >= maxPaths) return;
    if (id === cfg.exit) {
      out.push([...acc, 'exit'].join(' → '));
      return;
    }
    const count = visits.get(id) ?? 0;
    if (count >= maxVisits) {
      out.push([...acc, `↺ ${nodeText(cfg, id) || cfg.nodes[id].kind}`].join(' → '));
      return;
    }
    const n = cfg.nodes[id];
    if (n.succ.length === 0) {
      out.push([...acc, nodeText(cfg, id), 'STUCK'].join(' → '));
      return;
    }
    visits.set(id, count + 1);
    for (const e of n.succ) {
      const t = edgeText(cfg, n, e);
      walk(e.to, t === null || t === '' ? acc : [...acc, t]);
    }
    visits.set(id, count);
  };
  walk(cfg.entry, []);
  return out;
}

/** Ids of the nodes reachable from `from` (the entry by default). */
export function reachable(cfg: Cfg, from = cfg.entry): Set<number> {
  const seen = new Set<number>([from]);
  const stack = [from];
  while (stack.length) {
    for (const e of cfg.nodes[stack.pop()!].succ) {
      if (!seen.has(e.to)) {
        seen.add(e.to);
        stack.push(e.to);
      }
    }
  }
  return seen;
}

/** Texts of the statement-like nodes (stmt, return, goto, cond, switch) reachable from the entry. */
export function reachableTexts(cfg: Cfg): string[] {
  return [...reachable(cfg)]
    .filter((id) => ['stmt', 'return', 'goto', 'cond', 'switch'].includes(cfg.nodes[id].kind))
    .map((id) => nodeText(cfg, id))
    .sort();
}

/** The statement-like nodes whose text is `text` (there may be several, e.g. two `break;`). */
export function nodesWithText(cfg: Cfg, text: string): CfgNode[] {
  return cfg.nodes.filter((n) => n.kind !== 'entry' && n.kind !== 'exit' && n.kind !== 'join' && nodeText(cfg, n.id) === text);
}

/** The single node with this text; throws when there is none or more than one. */
export function nodeWithText(cfg: Cfg, text: string): CfgNode {
  const found = nodesWithText(cfg, text);
  if (found.length !== 1) throw new Error(`expected one CFG node "${text}", found ${found.length}: ${cfg.nodes.map((n) => nodeText(cfg, n.id)).join(' | ')}`);
  return found[0];
}

/** Can control get from the node with this text to the exit? */
export function reachesExit(cfg: Cfg, text: string): boolean {
  return reachable(cfg, nodeWithText(cfg, text).id).has(cfg.exit);
}

/** The edges leaving a node as `kind[:label] -> target text`, for assertions on kinds and labels. */
export function edgesOf(cfg: Cfg, id: number): string[] {
  return cfg.nodes[id].succ.map((e) => `${e.kind}${e.label !== undefined ? `:${e.label}` : ''} -> ${nodeText(cfg, e.to) || cfg.nodes[e.to].kind}`);
}

/**
 * Nodes reachable from the entry from which neither the exit nor a cycle is reachable: control
 * would stop there. A well-formed CFG has none.
 */
export function deadEnds(cfg: Cfg): number[] {
  const live = reachable(cfg);
  const out: number[] = [];
  for (const id of live) if (id !== cfg.exit && cfg.nodes[id].succ.length === 0) out.push(id);
  return out;
}
