import type { Node } from 'web-tree-sitter';
import { typeOf, textOf, named } from './node-cache';
import type { Cfg, Edge } from './cfg';
import type { ExploreCtx } from './context';
import { evalExpr, strip, type CallVals } from './eval';
import { refine, type PState } from './refine';
import { scan } from './scan';
import { initialState, pushStep, sameConst, stateKey, withVal, type State } from './state';
import { shorten } from './text';

export interface ExploreResult {
  /** The state budget ran out: some paths were not explored (findings there may be missing). */
  truncated: boolean;
  statesVisited: number;
}

export const DEFAULT_MAX_STATES = 20000;

/** No call evaluated yet: shared by every state (call results are added to copies, never to this). */
const NO_CALLS: CallVals = new Map();

/**
 * Explores the paths of one function, depth-first, with states merged per CFG node (a state already
 * seen at a node is not explored again), so loops terminate and the work stays bounded by the number
 * of distinct fact sets, not the number of paths. Emits events into ctx.events.
 */
export function explore(ctx: ExploreCtx, cfg: Cfg, maxStates = DEFAULT_MAX_STATES, start: State = initialState()): ExploreResult {
  const seen: Array<Set<string> | undefined> = new Array(cfg.nodes.length);
  // A condition's text for the step messages, per CFG node (every state that passes needs it).
  const shortText: Array<string | undefined> = new Array(cfg.nodes.length);
  const work: Array<{ node: number; st: State }> = [{ node: cfg.entry, st: start }];
  let visited = 0;
  let truncated = false;
  const file = ctx.fn.file;
  const step = (st: State, at: Node | null, message: string): State =>
    at ? { ...st, steps: pushStep(st.steps, { file, offset: at.startIndex, message }) } : st;
  const follow = (pss: PState[], e: Edge, msgAt: Node | null = null, message = '') => {
    for (const ps of pss) work.push({ node: e.to, st: message ? step(ps.st, msgAt, message) : ps.st });
  };

  while (work.length) {
    const { node, st } = work.pop()!;
    const key = stateKey(st);
    const set = (seen[node] ??= new Set());
    if (set.has(key)) continue;
    if (visited >= maxStates) {
      truncated = true;
      break;
    }
    set.add(key);
    visited++;
    const cn = cfg.nodes[node];
    const start: PState[] = [{ st, calls: NO_CALLS }];
    switch (cn.kind) {
      case 'exit':
        ctx.events.push({ kind: 'return', node: ctx.fn.body, cands: null, st });
        break;
      case 'stmt': {
        const pss = scan(ctx, cn.ast, start);
        for (const e of cn.succ) follow(pss, e);
        break;
      }
      case 'return': {
        const value = named(cn.ast)?.find((c) => c && typeOf(c) !== 'comment') ?? null;
        const pss = scan(ctx, value, start);
        for (const ps of pss) {
          const cands = value ? evalExpr(ctx, value, ps.st, ps.calls) : null;
          ctx.events.push({ kind: 'return', node: cn.ast!, cands, st: ps.st });
        }
        break;
      }
      case 'cond': {
        const pss = scan(ctx, cn.ast, start);
        const text = (shortText[node] ??= shorten(textOf(cn.ast) ?? '', 60));
        for (const e of cn.succ) {
          const truth = e.kind === 'true';
          const refined = pss.flatMap((ps) => refine(ctx, cn.ast, truth, ps));
          follow(refined, e, cn.ast, `${text} is ${truth ? 'true' : 'false'}`);
        }
        break;
      }
      case 'switch': {
        const pss = scan(ctx, cn.ast, start);
        for (const e of cn.succ) {
          if (e.kind === 'case' && e.value && cn.ast) {
            const refined = pss.filter((ps) => caseMatches(ctx, cn.ast!, e.value!, ps) !== false).map((ps) => bindCase(ctx, cn.ast!, e.value!, ps));
            follow(refined, e, e.value, `case ${shorten(e.label ?? '', 60)}`);
          } else {
            // `default` (or no case) runs only when no case value is the switch value.
            const values = cn.succ.filter((x) => x.kind === 'case' && x.value).map((x) => x.value!);
            const refined = pss.filter((ps) => !values.some((v) => caseMatches(ctx, cn.ast!, v, ps) === true));
            follow(refined, e, cn.ast, `switch ${(shortText[node] ??= shorten(textOf(cn.ast) ?? '', 60))}: ${e.label ?? 'default'}`);
          }
        }
        break;
      }
      case 'goto':
        for (const e of cn.succ) follow(start, e, cn.ast, e.kind === 'goto' ? `goto ${e.label}` : e.kind);
        break;
      case 'join':
        for (const e of cn.succ) {
          const msg = e.kind === 'ifdef' ? `preprocessor arm: ${e.label}` : e.kind === 'except' ? 'exception handler runs' : e.kind === 'catch' ? 'catch handler runs' : e.kind === 'finally' ? '__finally block runs before the return' : '';
          follow(start, e, cn.ast, msg);
        }
        break;
      default:
        for (const e of cn.succ) follow(start, e);
    }
  }
  return { truncated, statesVisited: visited };
}

/** Whether `switch (cond)` enters `case value:` on this path: true, false, or undefined (unknown). */
function caseMatches(ctx: ExploreCtx, cond: Node, value: Node, ps: PState): boolean | undefined {
  const cands = evalExpr(ctx, cond, ps.st, ps.calls);
  const v = evalExpr(ctx, value, ps.st, ps.calls);
  if (!cands || cands.length !== 1 || !v || v.length !== 1) return undefined;
  if (cands[0].val.k === 'nonnull' && v[0].val.k === 'const' && v[0].val.num === 0) return false;
  return sameConst(cands[0].val, v[0].val);
}

/** In `case V:` of `switch (x)`, x is V from here on (x a local or a scalar parameter). */
function bindCase(ctx: ExploreCtx, cond: Node, value: Node, ps: PState): PState {
  const x = strip(cond);
  if (!x || typeOf(x) !== 'identifier' || ps.st.vals.has(textOf(x))) return ps;
  const pi = ctx.params.get(textOf(x));
  if (pi !== undefined && ctx.fn.params[pi]?.isPointer) return ps;
  const v = evalExpr(ctx, value, ps.st, ps.calls);
  return v && v.length === 1 && v[0].val.k === 'const' ? { ...ps, st: withVal(ps.st, textOf(x), v[0].val) } : ps;
}

