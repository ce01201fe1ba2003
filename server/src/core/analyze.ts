import { createHash } from 'node:crypto';
import type { Node } from 'web-tree-sitter';
import { cfgOf } from './flow/cfg';
import { withNodeCache } from './flow/node-cache';
import type { ExploreCtx } from './flow/context';
import { DEFAULT_MAX_STATES, explore } from './flow/explore';
import type { Step } from './flow/state';
import type { FunctionInfo } from './model/functions';
import { countErrors, type ParsedFile } from './model/parsed-file';
import type { Run } from './model/run';
import { FUNCTION_RULES } from './rules/index';
import { ruleMeta } from './rules/registry';
import type { ConnectRoles, ImplCheck, RawFinding } from './rules/rule';
import { CONTRACTS } from './spec/contracts';
import type { FunctionContract } from './spec/types';
import { errorParamBits, paramMap } from './summary/summarize';
import type { ResultCache } from './result-cache';
import { bit } from './flow/state';
import type { Finding, PathStep, RuleId, Severity } from './types';

export interface ImplOptions {
  maxPathStates?: number;
  severity?: Partial<Record<RuleId, Severity | 'off'>>;
}

/** A function of the run that implements an SPI function, with that function's contract. */
export interface Implementation {
  fn: FunctionInfo;
  contract: FunctionContract;
}

/**
 * The functions that implement SPI functions: by name (`WSPConnect`, `CProvider::WSPSend`), or installed
 * in a WSPPROC_TABLE entry under any name. Parameters must match the contract's count.
 * `only` limits the judged functions (contract names), e.g. to WSPConnect alone.
 */
export function implementations(run: Run, only?: readonly string[]): Implementation[] {
  const out = new Map<string, Implementation>();
  for (const contract of CONTRACTS) {
    if (only && !only.includes(contract.name)) continue;
    const n = contract.params.length;
    for (const fn of run.functionsNamed(contract.name)) if (fn.params.length === n) out.set(fn.key, { fn, contract });
    if (!contract.procEntry) continue;
    for (const ins of run.installs) {
      if (ins.entry !== contract.procEntry) continue;
      for (const fn of run.functionsNamed(ins.functionName)) if (fn.params.length === n) out.set(fn.key, { fn, contract });
    }
  }
  return [...out.values()];
}

/** Positions of the connect parameters (WSPConnect, WSPJoinLeaf): matched by position, not by name. */
function connectRoles(contract: FunctionContract): ConnectRoles | null {
  const at = (name: string): number => contract.params.find((x) => x.name === name)?.index ?? -1;
  const r = { name: at('name'), namelen: at('namelen'), caller: at('lpCallerData'), callee: at('lpCalleeData'), sqos: at('lpSQOS'), gqos: at('lpGQOS'), errno: at('lpErrno') };
  return Object.values(r).every((i) => i >= 0) ? r : null;
}

export function checkImplementation(run: Run, impl: Implementation, options: ImplOptions, cache?: ResultCache): Finding[] {
  const { fn, contract } = impl;
  // WSPStartup's rules read tables across the whole run: not worth a key that covers all of it.
  const key = cache && contract.name !== 'WSPStartup' ? cache.key(run, fn, contract.name, `${options.maxPathStates ?? ''}`) : null;
  const cached = key ? cache!.get(key, run, fn) : undefined;
  const raw = cached ?? computeImplementation(run, impl, options);
  if (key && !cached) cache!.set(key, fn, raw);
  return toFindings(fn.file, fn.qualified, raw, options);
}

function computeImplementation(run: Run, impl: Implementation, options: ImplOptions): RawFinding[] {
  // Exploration and rules read the same nodes many times over: read each once (node-cache.ts).
  return withNodeCache(() => computeUncached(run, impl, options));
}

function computeUncached(run: Run, impl: Implementation, options: ImplOptions): RawFinding[] {
  const { fn, contract } = impl;
  const errnoAt = contract.errorReporting === 'return-value' ? -1 : contract.params.findIndex((p) => p.name === 'lpErrno');
  const errno = errnoAt >= 0 ? errnoAt : null;
  const ctx: ExploreCtx = { run, fn, params: paramMap(fn), lambdas: new Map(), events: [], errorParams: errorParamBits(fn) | (errno === null ? 0 : bit(errno)) };
  const cfg = cfgOf(fn.body);
  const result = explore(ctx, cfg, options.maxPathStates ?? DEFAULT_MAX_STATES);
  const check: ImplCheck = { fn, contract, events: ctx.events, params: ctx.params, errno, connect: connectRoles(contract), cfg, run };
  const raw: RawFinding[] = [];
  for (const rule of FUNCTION_RULES) raw.push(...rule.check(check));
  const health = parseHealth(fn, result.truncated, result.statesVisited);
  if (health) raw.push(health);
  return raw;
}

function parseHealth(fn: FunctionInfo, truncated: boolean, states: number): RawFinding | null {
  const errors = fn.body.hasError ? countErrors(fn.body) : 0;
  if (errors === 0 && !truncated) return null;
  const first = errors ? firstError(fn.body) : null;
  const at = first ?? fn.body;
  const parts: string[] = [];
  if (errors) parts.push(`${errors} part${errors > 1 ? 's' : ''} of ${fn.name} did not parse (an unknown macro or a preprocessor branch that splits a statement?); findings near ${errors > 1 ? 'them' : 'it'} may be missing`);
  if (truncated) parts.push(`path exploration of ${fn.name} stopped after ${states} states; paths beyond were not checked`);
  return { rule: 'parse-health', start: at.startIndex, end: first ? first.endIndex : fn.body.startIndex + 1, message: parts.join('; '), steps: [] };
}

function firstError(root: Node): Node | null {
  const cursor = root.walk();
  for (;;) {
    const n = cursor.currentNode;
    if (n.type === 'ERROR' || n.isMissing) return n;
    if (n.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent() || cursor.currentNode.id === root.id) return null;
  }
}

export function toFindings(file: ParsedFile, functionName: string, raw: RawFinding[], options: ImplOptions): Finding[] {
  const out: Finding[] = [];
  const occurrences = new Map<string, number>();
  for (const r of raw) {
    const override = options.severity?.[r.rule];
    if (override === 'off') continue;
    const severity: Severity = override ?? r.severity ?? ruleMeta(r.rule).severity;
    const start = file.lines.position(r.start);
    const end = file.lines.position(r.end);
    const text = file.text.slice(r.start, Math.min(r.end, r.start + 200)).replace(/\s+/g, ' ');
    const base = `${r.rule}|${functionName}|${text}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    out.push({
      rule: r.rule,
      severity,
      message: r.message,
      file: file.path,
      range: { start, end, startOffset: r.start, endOffset: r.end },
      function: functionName,
      steps: r.steps.map(toPathStep),
      fix: r.fix,
      fingerprint: createHash('sha256').update(`${base}|${n}`).digest('hex').slice(0, 32),
    });
  }
  return out;
}

function toPathStep(s: Step): PathStep {
  const p = s.file.lines.position(s.offset);
  return { file: s.file.path, line: p.line, column: p.column, message: s.message };
}
