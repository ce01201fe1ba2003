import type { Node } from 'web-tree-sitter';
import { field, typeOf, textOf, named } from './node-cache';
import type { ExploreCtx, ReturnKind } from './context';
import { getContract } from '../spec/contracts';
import { addressOfTarget, argsOf, calleeName, constOf, evalExpr, paramOf, strip } from './eval';
import type { PState } from './refine';
import { bit, constName, pushStep, VALID_SOCKET, type Cand, type State, type Val } from './state';

/** memcpy-like functions: positions of destination, source and length. */
const COPY_FUNCS: Record<string, { dst: number; src: number | null; len: number | null }> = {
  memcpy: { dst: 0, src: 1, len: 2 }, memmove: { dst: 0, src: 1, len: 2 },
  CopyMemory: { dst: 0, src: 1, len: 2 }, MoveMemory: { dst: 0, src: 1, len: 2 },
  RtlCopyMemory: { dst: 0, src: 1, len: 2 }, RtlMoveMemory: { dst: 0, src: 1, len: 2 }, RtlCopyBytes: { dst: 0, src: 1, len: 2 },
  // The _s forms fail instead of overflowing: the destination size (argument 2) is what bounds them.
  memcpy_s: { dst: 0, src: 2, len: 1 }, memmove_s: { dst: 0, src: 2, len: 1 },
  strcpy: { dst: 0, src: 1, len: null }, wcscpy: { dst: 0, src: 1, len: null }, lstrcpy: { dst: 0, src: 1, len: null },
  lstrcpyA: { dst: 0, src: 1, len: null }, lstrcpyW: { dst: 0, src: 1, len: null }, strcat: { dst: 0, src: 1, len: null },
  _tcscpy: { dst: 0, src: 1, len: null }, StringCopy: { dst: 0, src: 1, len: null },
  strncpy: { dst: 0, src: 1, len: 2 }, wcsncpy: { dst: 0, src: 1, len: 2 }, lstrcpyn: { dst: 0, src: 1, len: 2 },
  lstrcpynA: { dst: 0, src: 1, len: 2 }, lstrcpynW: { dst: 0, src: 1, len: 2 },
  StringCchCopyA: { dst: 0, src: 2, len: 1 }, StringCchCopyW: { dst: 0, src: 2, len: 1 }, StringCchCopy: { dst: 0, src: 2, len: 1 },
  StringCbCopyA: { dst: 0, src: 2, len: 1 }, StringCbCopyW: { dst: 0, src: 2, len: 1 }, StringCbCopy: { dst: 0, src: 2, len: 1 },
  memset: { dst: 0, src: null, len: 2 }, ZeroMemory: { dst: 0, src: null, len: 1 }, RtlZeroMemory: { dst: 0, src: null, len: 1 },
  SecureZeroMemory: { dst: 0, src: null, len: 1 }, FillMemory: { dst: 0, src: null, len: 1 }, RtlFillMemory: { dst: 0, src: null, len: 1 },
};

/** Calls with no effect on what the rules track (checks, not uses). */
const PURE = new Set(['static_cast', 'reinterpret_cast', 'const_cast', 'dynamic_cast', 'ARGUMENT_PRESENT', 'sizeof', 'UNREFERENCED_PARAMETER', 'DBG_UNREFERENCED_PARAMETER', 'ASSERT', 'assert', '_ASSERT', '_ASSERTE', 'NT_SUCCESS', 'SUCCEEDED', 'FAILED', 'min', 'max', 'MIN', 'MAX', 'IsBadReadPtr', 'IsBadWritePtr', 'IsBadCodePtr']);

const MAX_OUTCOME_FORKS = 32;

export function applyCall(ctx: ExploreCtx, call: Node, pss: PState[]): PState[] {
  const name = calleeName(call) ?? '';
  const args = argsOf(call);
  const copy = COPY_FUNCS[name];
  if (copy) return pss.map((ps) => copyEffect(ctx, call, name, args, copy, ps));
  if (PURE.has(name)) return pss.map((ps) => setCall(ps, call, null));
  const lambda = ctx.lambdas.get(name);
  if (lambda && typeOf(field(call, 'function')) === 'identifier') {
    const body = textOf(field(lambda, 'body')) ?? '';
    const formals = (named(field(field(lambda, 'declarator'), 'parameters')) ?? [])
      .map((p) => textOf(field(p, 'declarator'))?.replace(/[*&\s]/g, '') ?? '');
    return pss.map((ps) => inlineEffect(ctx, call, `lambda ${name}`, body, formals, args, ps, lambda));
  }
  const macro = ctx.run.macroFn(name);
  if (macro && typeOf(field(call, 'function')) === 'identifier') {
    return pss.map((ps) => inlineEffect(ctx, call, `macro ${name}`, macro.body, macro.params, args, ps));
  }
  const out: PState[] = [];
  for (const ps0 of pss) {
    let ps = ps0;
    const constArgs = args.map((a) => {
      const v = evalExpr(ctx, a, ps.st, ps.calls);
      // Constants, and "not 0" (a status known to have failed), specialize the callee's summary.
      return v && v.length === 1 && (v[0].val.k === 'const' || v[0].val.k === 'nonnull') ? v[0].val : null;
    });
    const summary = name ? ctx.run.summaryFor(call, name, args.length, ctx.fn, constArgs) : null;
    if (!summary) {
      out.push(...unknownCall(ctx, call, name, args, ps));
      continue;
    }
    const map = (j: number): number | null => (args[j] ? paramOf(ctx, args[j], ps.st) : null);
    for (const s of summary.stored) {
      const i = map(s.param);
      if (i === null) continue;
      const cands = s.cands ? s.cands.flatMap((c) => mapCand(ctx, c, args, ps) ?? []) : null;
      ctx.events.push({ kind: 'store', node: call, param: i, field: null, cands: cands && cands.length ? cands : null, via: name, st: ps.st, extra: s.steps });
    }
    for (const d of summary.derefUnchecked) {
      const i = map(d.param);
      if (i === null) continue;
      ctx.events.push({ kind: 'deref', node: call, param: i, access: 'read', field: null, via: name, st: ps.st, extra: d.steps });
      ps = { ...ps, st: { ...ps.st, used: ps.st.used | bit(i) } };
    }
    const outcomes = summary.outcomes.slice(0, MAX_OUTCOME_FORKS);
    if (outcomes.length === 0) {
      out.push(havoc(ctx, call, args, ps));
      continue;
    }
    // Which of our parameters each argument is: the same for every outcome.
    const argParams = args.map((a) => paramOf(ctx, a, ps.st));
    for (const o of outcomes) {
      let { written, lenWritten, nonnull, isnull, compared } = ps.st;
      let feasible = true;
      args.forEach((_a, j) => {
        const i = argParams[j];
        if (i === null) return;
        if (o.written & bit(j)) written |= bit(i);
        if (o.lenWritten & bit(j)) lenWritten |= bit(i);
        if (o.nonnull & bit(j)) nonnull |= bit(i);
        if (o.isnull & bit(j)) isnull |= bit(i);
        if (o.compared & bit(j)) compared |= bit(i);
      });
      // The helper took a branch on one of our pointers that contradicts what this path knows.
      if (nonnull & isnull) feasible = false;
      if (!feasible) continue;
      let steps = pushStep(ps.st.steps, { file: ctx.fn.file, offset: call.startIndex, message: `calls ${name}()` });
      for (const s of o.steps) steps = pushStep(steps, s);
      const st: State = { ...ps.st, written, lenWritten, nonnull, isnull, compared, steps };
      // The helper's own path is already in the steps; the value just names where it came from.
      const ret = o.ret ? mapCand(ctx, { val: o.ret.val, steps: [{ file: ctx.fn.file, offset: call.startIndex, message: `${name}() returns ${constName(o.ret.val)}` }] }, args, ps) : null;
      out.push(setCall({ ...ps, st }, call, ret));
    }
  }
  return out;
}

function setCall(ps: PState, call: Node, cands: Cand[] | null): PState {
  const calls = new Map(ps.calls);
  calls.set(call.id, cands);
  return { ...ps, calls };
}

/** A callee's value expressed in its own parameters, seen from the call site. */
function mapCand(ctx: ExploreCtx, c: Cand, args: Node[], ps: PState): Cand[] | null {
  if (c.val.k !== 'param') return [c];
  const a = args[c.val.i];
  const v = a ? evalExpr(ctx, a, ps.st, ps.calls) : null;
  return v ? v.map((x) => ({ val: x.val, steps: [...c.steps, ...x.steps] })) : null;
}

/**
 * Code we cannot see that receives our error out-parameter: a lookup helper, the lower provider's
 * `lpWSPConnect`, an upcall. By convention it writes the error only when it fails, and its return value
 * says which happened (NULL / FALSE / SOCKET_ERROR / non-zero). So it has two outcomes, told apart by
 * the caller's check of the result. Without a known return convention, assume it writes everything.
 */
function unknownCall(ctx: ExploreCtx, call: Node, name: string, args: Node[], ps: PState): PState[] {
  let errBits = 0;
  for (const a of args) {
    const i = paramOf(ctx, a, ps.st);
    if (i !== null && ctx.errorParams & bit(i)) errBits |= bit(i);
  }
  // A call into the SPI (the lower provider's table) follows its contract even when it reports the error
  // into a local (`&Error`): failure returns SOCKET_ERROR, success 0.
  const spi = spiReturnKind(name);
  const kind = errBits ? ctx.run.prototype(name) ?? spi : spi && /^lpWSP/.test(name) ? spi : undefined;
  if (!kind || kind === 'void' || kind === 'other') return [havoc(ctx, call, args, ps)];
  // On failure the out-pointers keep what they held, but for the error one; on success the callee filled them.
  const errAt = getContract(name.replace(/^lp/, ''))?.params.findIndex((p) => p.name === 'lpErrno') ?? -1;
  const failed = havoc(ctx, call, args, ps, 'keep', errAt);
  const filled = havoc(ctx, call, args, ps, 'filled');
  const failVal: Val =
    kind === 'pointer' ? { k: 'const', name: 'NULL', num: 0 }
    : kind === 'bool' ? { k: 'const', name: 'FALSE', num: 0 }
    : kind === 'wsp' ? { k: 'const', name: 'SOCKET_ERROR', num: -1 }
    : kind === 'socket' ? { k: 'const', name: 'INVALID_SOCKET', num: -1 }
    : { k: 'nonnull' };
  const okVal: Val =
    kind === 'pointer' || kind === 'bool' ? { k: 'nonnull' }
    : kind === 'socket' ? VALID_SOCKET
    : { k: 'const', name: 'NO_ERROR', num: 0 };
  const fst = { ...failed.st, steps: pushStep(failed.st.steps, { file: ctx.fn.file, offset: call.startIndex, message: `${name}() fails (and sets the error)` }) };
  const okSt: State = {
    ...filled.st,
    written: (filled.st.written & ~errBits) | (ps.st.written & errBits),
    steps: pushStep(filled.st.steps, { file: ctx.fn.file, offset: call.startIndex, message: `${name}() succeeds (the error is not set)` }),
  };
  return [setCall({ ...failed, st: fst }, call, [{ val: failVal, steps: [] }]), setCall({ ...filled, st: okSt }, call, [{ val: okVal, steps: [] }])];
}

/** SPI functions, upcalls and WSA functions reached through tables: their documented return conventions. */
function spiReturnKind(name: string): ReturnKind | 'wsp' | undefined {
  const bare = name.replace(/^lp/, '');
  const contract = getContract(bare);
  if (contract) {
    const failure = contract.returns.failure;
    return failure.includes('INVALID_SOCKET') ? 'socket' : failure.includes('FALSE') ? 'bool' : 'wsp';
  }
  if (/^WPU(CreateSocketHandle|ModifyIFSHandle)$/.test(bare) || /^WSA(Socket|Accept|JoinLeaf)\w*$/.test(bare)) return 'socket';
  if (/^WSAGetOverlappedResult$/.test(bare)) return 'bool';
  return /^(WPU|WSA)[A-Z]/.test(bare) ? 'wsp' : undefined;
}


/**
 * Unknown code (an API, the lower provider's proc table): it may write whatever pointer it gets.
 * `&local` arguments are forgotten, kept (`keep`: a failed call), or known filled (`filled`).
 */
function havoc(ctx: ExploreCtx, call: Node, args: Node[], ps: PState, outLocals: 'forget' | 'keep' | 'filled' = 'forget', errAt = -1): PState {
  let { written, lenWritten } = ps.st;
  let vals: Map<string, Val> | null = null;
  for (const a of args) {
    const i = paramOf(ctx, a, ps.st);
    if (i !== null) {
      written |= bit(i);
      lenWritten |= bit(i);
      const key = `*${textOf(strip(a)) ?? ''}`;
      if (ps.st.vals.has(key)) {
        vals ??= new Map(ps.st.vals);
        vals.delete(key);
      }
      continue;
    }
    const target = addressOfTarget(a);
    if (target) {
      // A failed call wrote its error code (not 0) into the error out-argument (`&err`).
      const errorOut = outLocals === 'keep' && (args.indexOf(a) === errAt || /err/i.test(textOf(target) ?? ''));
      if (typeOf(target) === 'identifier' && !ctx.params.has(textOf(target)) && (outLocals !== 'keep' || errorOut)) {
        vals ??= new Map(ps.st.vals);
        if (outLocals === 'filled' || errorOut) vals.set(textOf(target), { k: 'nonnull' });
        else vals.delete(textOf(target));
      }
      // `&lpCalleeData->len` handed out: the callee writes the length.
      if (typeOf(target) === 'field_expression' && textOf(field(target, 'field')) === 'len') {
        const p = paramOf(ctx, field(target, 'argument'), ps.st);
        if (p !== null) lenWritten |= bit(p);
      }
    }
  }
  return setCall({ ...ps, st: { ...ps.st, written, lenWritten, vals: vals ?? ps.st.vals } }, call, null);
}

function copyEffect(
  ctx: ExploreCtx,
  call: Node,
  fn: string,
  args: Node[],
  spec: { dst: number; src: number | null; len: number | null },
  ps: PState,
): PState {
  const dst = args[spec.dst];
  if (!dst) return setCall(ps, call, null);
  const src = spec.src === null ? null : args[spec.src] ?? null;
  const len = spec.len === null ? null : args[spec.len] ?? null;
  ctx.events.push({ kind: 'copy', node: call, fn, dst, src, len, st: ps.st });
  let st = ps.st;
  for (const [node, access] of [[dst, 'write'], [src, 'read']] as const) {
    const i = node ? paramOf(ctx, node, st) : null;
    if (i === null) continue;
    ctx.events.push({ kind: 'deref', node: call, param: i, access, field: null, via: null, st, extra: [] });
    st = { ...st, used: st.used | bit(i), nonnull: st.nonnull | bit(i), written: access === 'write' ? st.written | bit(i) : st.written };
  }
  return setCall({ ...ps, st }, call, null);
}

/** A lambda or function-like macro body: stores through the caller's parameters, by name. */
function inlineEffect(ctx: ExploreCtx, call: Node, what: string, body: string, formals: string[], args: Node[], ps: PState, lambda?: Node): PState {
  let st = ps.st;
  for (const [pname, i] of ctx.params) {
    if (!pname || !new RegExp(`\\b${pname}\\b`).test(body)) continue;
    const store = new RegExp(`\\*\\s*\\(?\\s*${pname}\\s*\\)?\\s*=(?!=)\\s*([^;}]*)`).exec(body);
    if (store) {
      const v = store[1].trim().replace(/^\(+|\)+$/g, '').trim();
      const k = formals.indexOf(v);
      let cands: Cand[] | null = null;
      if (k >= 0 && args[k]) cands = evalExpr(ctx, args[k], st, ps.calls);
      else if (/^-?\d+$/.test(v)) cands = [{ val: { k: 'const', num: Number(v) }, steps: [] }];
      else if (/^[A-Za-z_]\w*$/.test(v)) {
        const c = constOf(ctx, v);
        cands = c ? [{ val: c, steps: [] }] : null;
      }
      // A constant written inside a lambda is reported where it is written; a code passed in, at the call.
      const at = k < 0 && lambda ? storeInside(lambda, pname) ?? call : call;
      ctx.events.push({ kind: 'store', node: at, param: i, field: null, cands, via: at === call ? what : null, st, extra: [] });
    }
    st = { ...st, written: st.written | bit(i), lenWritten: st.lenWritten | bit(i) };
  }
  return setCall({ ...ps, st }, call, null);
}

function storeInside(lambda: Node, pname: string): Node | null {
  for (const a of lambda.descendantsOfType('assignment_expression')) {
    const left = a ? strip(field(a, 'left')) : null;
    if (left && typeOf(left) === 'pointer_expression' && textOf(strip(field(left, 'argument'))) === pname) return a;
  }
  return null;
}
