import { cfgOf } from '../flow/cfg';
import type { ExploreCtx, RunContext } from '../flow/context';
import type { HelperSummary, Outcome } from '../flow/events';
import { explore } from '../flow/explore';
import { withNodeCache } from '../flow/node-cache';
import { bit, constName, initialState, stepsOf, valKey, withVal, type Cand, type Step, type Val } from '../flow/state';
import type { FunctionInfo } from '../model/functions';
import { shorten } from '../flow/text';

const MAX_OUTCOMES = 32;
const HELPER_STEPS = 12;
export const HELPER_MAX_STATES = 5000;

/**
 * What a helper does for its callers: how it can return (value, which pointer parameters it wrote,
 * what it checked), which values it stores through its parameters, which it dereferences unchecked.
 */
export function summarize(run: RunContext, fn: FunctionInfo, constArgs: ReadonlyArray<Val | null> = []): HelperSummary {
  return withNodeCache(() => summarizeUncached(run, fn, constArgs));
}

function summarizeUncached(run: RunContext, fn: FunctionInfo, constArgs: ReadonlyArray<Val | null>): HelperSummary {
  const ctx: ExploreCtx = { run, fn, params: paramMap(fn), lambdas: new Map(), events: [], errorParams: errorParamBits(fn) };
  // Scalar parameters the caller passes as constants start with those values.
  let start = initialState();
  constArgs.forEach((v, j) => {
    const p = fn.params[j];
    if (v && p?.name && !p.isPointer) start = withVal(start, p.name, v);
  });
  const result = explore(ctx, cfgOf(fn.body), HELPER_MAX_STATES, start);
  const outcomes = new Map<string, Outcome>();
  const stored = new Map<string, { param: number; cands: Cand[] | null; steps: Step[] }>();
  const derefUnchecked = new Map<number, Step[]>();
  const where = (e: { node: { startIndex: number } }, msg: string): Step => ({ file: fn.file, offset: e.node.startIndex, message: `in ${fn.name}: ${msg}` });
  for (const e of ctx.events) {
    if (e.kind === 'return') {
      const steps = stepsOf(e.st.steps, HELPER_STEPS).map((s) => ({ ...s, message: `in ${fn.name}: ${s.message}` }));
      for (const c of e.cands ?? [null]) {
        const ret: Cand | null = c ? { val: c.val, steps: [...steps, ...c.steps, where(e, `returns ${constName(c.val)}`)] } : null;
        const key = `${ret ? valKey(ret.val) : '?'}|${e.st.written}|${e.st.lenWritten}|${e.st.nonnull}|${e.st.isnull}|${e.st.compared}`;
        if (outcomes.has(key) || outcomes.size >= MAX_OUTCOMES) continue;
        const ending = where(e, e.node.id === fn.body.id ? 'returns at the end' : `returns ${c ? constName(c.val) : shorten(e.node.text.replace(/^return\s*/, '').replace(/;$/, ''), 50)}`);
        outcomes.set(key, { ret, written: e.st.written, lenWritten: e.st.lenWritten, nonnull: e.st.nonnull, isnull: e.st.isnull, compared: e.st.compared, steps: [...steps, ending] });
      }
    } else if (e.kind === 'store' && e.field === null) {
      const steps = [...stepsOf(e.st.steps, HELPER_STEPS).map((s) => ({ ...s, message: `in ${fn.name}: ${s.message}` })), ...e.extra, where(e, `stores into *${fn.params[e.param]?.name || 'parameter'}`)];
      const key = `${e.param}|${e.node.id}|${(e.cands ?? []).map((c) => valKey(c.val)).join(',')}`;
      if (!stored.has(key)) stored.set(key, { param: e.param, cands: e.cands, steps });
    } else if (e.kind === 'deref') {
      const b = bit(e.param);
      if (e.st.nonnull & b || e.st.used & b || derefUnchecked.has(e.param)) continue;
      derefUnchecked.set(e.param, [...stepsOf(e.st.steps, HELPER_STEPS).map((s) => ({ ...s, message: `in ${fn.name}: ${s.message}` })), ...e.extra, where(e, `dereferences ${fn.params[e.param]?.name || 'a parameter'} without a NULL check`)]);
    }
  }
  return {
    name: fn.name,
    paramCount: fn.params.length,
    outcomes: [...outcomes.values()],
    stored: [...stored.values()],
    derefUnchecked: [...derefUnchecked].map(([param, steps]) => ({ param, steps })),
    truncated: result.truncated,
  };
}

/** Pointer parameters that carry an error code out, by the names real code gives them. */
export function errorParamBits(fn: FunctionInfo): number {
  let bits = 0;
  for (const p of fn.params) if (p.isPointer && /err/i.test(p.name)) bits |= bit(p.index);
  return bits;
}

export function paramMap(fn: FunctionInfo): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of fn.params) if (p.name) m.set(p.name, p.index);
  return m;
}

