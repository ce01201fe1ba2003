import { createHash } from 'node:crypto';
import type { Node } from 'web-tree-sitter';
import { buildCfg } from './flow/cfg';
import type { ExploreCtx } from './flow/context';
import { DEFAULT_MAX_STATES, explore } from './flow/explore';
import type { Step } from './flow/state';
import type { FunctionInfo } from './model/functions';
import { countErrors } from './model/parsed-file';
import type { Run } from './model/run';
import { CONNECT_RULES } from './rules/index';
import { ruleMeta } from './rules/registry';
import type { ConnectRoles, ImplCheck, RawFinding } from './rules/rule';
import { getContract } from './spec/contracts';
import type { FunctionContract } from './spec/types';
import { errorParamBits, paramMap } from './summary/summarize';
import { bit } from './flow/state';
import type { Finding, PathStep, RuleId, Severity } from './types';

export interface ImplOptions {
  maxPathStates?: number;
  severity?: Partial<Record<RuleId, Severity | 'off'>>;
}

/** The functions that implement WSPConnect: by name, or installed as the table's connect entry. */
export function connectImplementations(run: Run): FunctionInfo[] {
  const contract = connectContract();
  const n = contract.params.length;
  const out = new Map<string, FunctionInfo>();
  for (const fn of run.functions) if (fn.name === contract.name && fn.params.length === n) out.set(fn.key, fn);
  for (const ins of run.installs) {
    if (ins.entry !== contract.procEntry) continue;
    for (const fn of run.functionsNamed(ins.functionName)) if (fn.params.length === n) out.set(fn.key, fn);
  }
  return [...out.values()];
}

export function connectContract(): FunctionContract {
  const c = getContract('WSPConnect');
  if (!c) throw new Error('contract table for WSPConnect is missing');
  return c;
}

/** Positions of the contract's parameters: implementations are matched by position, not by name. */
function connectRoles(contract: FunctionContract): ConnectRoles {
  const at = (name: string): number => {
    const p = contract.params.find((x) => x.name === name);
    if (!p) throw new Error(`WSPConnect contract has no parameter ${name}`);
    return p.index;
  };
  return { name: at('name'), namelen: at('namelen'), caller: at('lpCallerData'), callee: at('lpCalleeData'), sqos: at('lpSQOS'), gqos: at('lpGQOS'), errno: at('lpErrno') };
}

export function checkImplementation(run: Run, fn: FunctionInfo, options: ImplOptions): Finding[] {
  const contract = connectContract();
  const role = connectRoles(contract);
  const ctx: ExploreCtx = { run, fn, params: paramMap(fn), lambdas: new Map(), events: [], errorParams: errorParamBits(fn) | bit(role.errno) };
  const result = explore(ctx, buildCfg(fn.body), options.maxPathStates ?? DEFAULT_MAX_STATES);
  const check: ImplCheck = { fn, contract, events: ctx.events, params: ctx.params, role };
  const raw: RawFinding[] = [];
  for (const rule of CONNECT_RULES) raw.push(...rule.check(check));
  const health = parseHealth(fn, result.truncated, result.statesVisited);
  if (health) raw.push(health);
  return toFindings(fn, raw, options);
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

function toFindings(fn: FunctionInfo, raw: RawFinding[], options: ImplOptions): Finding[] {
  const file = fn.file;
  const out: Finding[] = [];
  const occurrences = new Map<string, number>();
  for (const r of raw) {
    const override = options.severity?.[r.rule];
    if (override === 'off') continue;
    const severity: Severity = override ?? r.severity ?? ruleMeta(r.rule).severity;
    const start = file.lines.position(r.start);
    const end = file.lines.position(r.end);
    const text = file.text.slice(r.start, Math.min(r.end, r.start + 200)).replace(/\s+/g, ' ');
    const base = `${r.rule}|${fn.qualified}|${text}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    out.push({
      rule: r.rule,
      severity,
      message: r.message,
      file: file.path,
      range: { start, end, startOffset: r.start, endOffset: r.end },
      function: fn.qualified,
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
