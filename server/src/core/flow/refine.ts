import type { Node } from 'web-tree-sitter';
import { field, typeOf, textOf, named } from './node-cache';
import type { ExploreCtx } from './context';
import { evalExpr, paramOf, strip, constOf, calleeName, argsOf, type CallVals } from './eval';
import { bit, sameConst, withVal, type State, type Val } from './state';
import { declaratorName } from '../model/functions';
import { forEachNamed } from './walk';

/** A path state together with the results of the calls evaluated so far in the current statement. */
export interface PState {
  st: State;
  calls: CallVals;
  /** `a && f()` whose left side stopped the evaluation on this path: the value the whole expression had. */
  shorted?: ReadonlyMap<number, boolean>;
}

const NULL_CHECK_MACROS = new Set(['ARGUMENT_PRESENT', 'PRESENT']);
const BAD_PTR_FUNCS = new Set(['IsBadReadPtr', 'IsBadWritePtr', 'IsBadCodePtr', 'IsBadStringPtrA', 'IsBadStringPtrW', 'IsBadStringPtr']);
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

/**
 * The states in which `cond` has truth value `truth`: facts learned (NULL or not, constant values,
 * what was compared), infeasible paths dropped. Unknown conditions keep the state as it is.
 */
export function refine(ctx: ExploreCtx, cond: Node | null, truth: boolean, ps: PState, depth = 0): PState[] {
  const e = strip(cond);
  if (!e || depth > 60) return [ps];
  switch (typeOf(e)) {
    case 'unary_expression':
      if (textOf(field(e, 'operator')) === '!') return refine(ctx, field(e, 'argument'), !truth, ps, depth + 1);
      return [ps];
    case 'binary_expression': {
      const op = textOf(field(e, 'operator')) ?? '';
      const l = field(e, 'left');
      const r = field(e, 'right');
      if (op === '&&' || op === '||') {
        const known = ps.shorted?.get(e.id);
        if (known !== undefined) return known === truth ? [ps] : [];
        const both = (op === '&&') === truth; // && true, || false: both sides have that truth
        if (both) return refine(ctx, l, truth, ps, depth + 1).flatMap((s) => refine(ctx, r, truth, s, depth + 1));
        // && false: left false, or left true and right false (and dually for ||).
        return [
          ...refine(ctx, l, truth, ps, depth + 1),
          ...refine(ctx, l, !truth, ps, depth + 1).flatMap((s) => refine(ctx, r, truth, s, depth + 1)),
        ];
      }
      if (!COMPARISONS.has(op)) return [ps];
      const noted = noteComparison(ctx, l, r, ps);
      if (op !== '==' && op !== '!=') {
        // Both sides known numbers (`attempt < 2` with attempt = 0): the comparison is decided.
        const decided = compareNumbers(ctx, op, l, r, noted);
        return decided === undefined || decided === truth ? [noted] : [];
      }
      const eq = op === '==' ? truth : !truth;
      const rc = constSide(ctx, r, noted);
      if (rc) return atom(ctx, l, rc, eq, noted);
      const lc = constSide(ctx, l, noted);
      if (lc) return atom(ctx, r, lc, eq, noted);
      return [noted];
    }
    case 'call_expression': {
      const name = calleeName(e) ?? '';
      const args = argsOf(e);
      if (NULL_CHECK_MACROS.has(name) && args.length === 1) return atom(ctx, args[0], ZERO, !truth, ps);
      // IS_INTRESOURCE(p) is true for NULL (and small integers): false means p is a real pointer.
      if (name === 'IS_INTRESOURCE' && args.length === 1) return truth ? [ps] : atom(ctx, args[0], ZERO, false, ps);
      // NT_SUCCESS(s) is s >= 0: a failure status is not 0 (STATUS_SUCCESS).
      if ((name === 'NT_SUCCESS' || name === 'SUCCEEDED' || name === 'NT_ERROR' || name === 'FAILED') && args.length === 1) {
        const success = (name === 'NT_SUCCESS' || name === 'SUCCEEDED') === truth;
        const v = evalExpr(ctx, args[0], ps.st, ps.calls);
        if (v && v.length === 1 && v[0].val.k === 'const' && v[0].val.num !== undefined) return (v[0].val.num >= 0) === success ? [ps] : [];
        return success ? [ps] : atom(ctx, args[0], ZERO, false, ps);
      }
      if (BAD_PTR_FUNCS.has(name)) {
        // IsBadReadPtr(p, n) false: p points to n readable bytes, so p is not NULL and n was checked.
        const noted = args[1] ? noteComparison(ctx, args[1], null, ps) : ps;
        return truth ? [noted] : atom(ctx, args[0], ZERO, false, noted);
      }
      return atom(ctx, e, ZERO, !truth, ps);
    }
    case 'assignment_expression':
      return atom(ctx, field(e, 'left'), ZERO, !truth, ps);
    case 'comma_expression':
      return refine(ctx, field(e, 'right'), truth, ps, depth + 1);
    case 'declaration': {
      // C++ `if (Ctx* c = FindCtx(s, lpErrno))`: the test is the declared variable.
      const init = named(e).find((c) => typeOf(c) === 'init_declarator') ?? e;
      return atom(ctx, declaratorName(field(init, 'declarator')), ZERO, !truth, ps);
    }
    case 'identifier':
    case 'field_expression':
      return atom(ctx, e, ZERO, !truth, ps);
    case 'pointer_expression':
      // `if (*err)`: the value last stored through err on this path, if known.
      return textOf(field(e, 'operator')) === '*' ? atom(ctx, e, ZERO, !truth, ps) : [ps];
    case 'number_literal': {
      const v = Number(textOf(e)) !== 0;
      return v === truth ? [ps] : [];
    }
    default:
      return [ps];
  }
}

const ZERO: Val = { k: 'const', name: 'NULL', num: 0 };

function constSide(ctx: ExploreCtx, n: Node | null, ps: PState): Val | null {
  const e = strip(n);
  if (!e) return null;
  if (typeOf(e) === 'identifier' && (ps.st.vals.has(textOf(e)) || ctx.params.has(textOf(e)))) return null;
  if (typeOf(e) === 'call_expression') return null;
  const c = evalExpr(ctx, e, ps.st, ps.calls);
  return c && c.length === 1 && c[0].val.k === 'const' ? c[0].val : typeOf(e) === 'identifier' ? constOf(ctx, textOf(e)) : null;
}

/** `target == c` is `eq`. */
function atom(ctx: ExploreCtx, target: Node | null, c: Val, eq: boolean, ps: PState): PState[] {
  let t = strip(target);
  // `(ps = Lookup(s, lpErrno)) == NULL`: the test is on the variable just assigned.
  if (t && typeOf(t) === 'assignment_expression') t = strip(field(t, 'left'));
  if (!t) return [ps];
  const isZero = c.k === 'const' && c.num === 0;
  // A parameter (or an alias of one): NULL facts.
  const p = paramOf(ctx, t, ps.st);
  if (p !== null && isZero) {
    const b = bit(p);
    const st = ps.st;
    if (eq) {
      if (st.nonnull & b) return [];
      return [{ ...ps, st: { ...st, isnull: st.isnull | b } }];
    }
    if (st.isnull & b) return [];
    return [{ ...ps, st: { ...st, nonnull: st.nonnull | b } }];
  }
  // A known value: a local or the result of a call on this path.
  const cands = ['identifier', 'call_expression', 'field_expression', 'pointer_expression'].includes(typeOf(t)) ? evalExpr(ctx, t, ps.st, ps.calls) : null;
  if (cands && cands.length === 1 && cands[0].val.k === 'param' && isZero) {
    const b = bit(cands[0].val.i);
    if (eq) return ps.st.nonnull & b ? [] : [{ ...ps, st: { ...ps.st, isnull: ps.st.isnull | b } }];
    return ps.st.isnull & b ? [] : [{ ...ps, st: { ...ps.st, nonnull: ps.st.nonnull | b } }];
  }
  if (cands && cands.length === 1) {
    const v = cands[0].val;
    const same = v.k === 'nonnull' ? (isZero ? false : undefined) : sameConst(v, c);
    if (same !== undefined) return same === eq ? [ps] : [];
  }
  if (typeOf(t) === 'identifier' && !ctx.params.has(textOf(t))) {
    if (eq) return [{ ...ps, st: withVal(ps.st, textOf(t), c) }];
    if (isZero && !cands) return [{ ...ps, st: withVal(ps.st, textOf(t), { k: 'nonnull' }) }];
  }
  return [ps];
}

/** Marks the parameters that took part in a comparison, and `p->len` checks with what they bound. */
function noteComparison(ctx: ExploreCtx, l: Node | null, r: Node | null, ps: PState): PState {
  let { compared, lenChecked } = ps.st;
  let bounded: Set<string> | null = null;
  const ids: string[] = [];
  let lenParams = 0;
  for (const side of [l, r]) {
    if (!side) continue;
    forEachNamed(side, (n) => {
      if (typeOf(n) === 'identifier') {
        const p = paramOf(ctx, n, ps.st);
        if (p !== null) compared |= bit(p);
        else ids.push(textOf(n));
      } else if (typeOf(n) === 'field_expression' && textOf(field(n, 'field')) === 'len') {
        const p = paramOf(ctx, field(n, 'argument'), ps.st);
        if (p !== null) lenParams |= bit(p);
      }
    });
  }
  if (lenParams) {
    lenChecked |= lenParams;
    bounded = new Set(ps.st.bounded);
    for (const id of ids) bounded.add(id);
  }
  if (compared === ps.st.compared && lenChecked === ps.st.lenChecked && !bounded) return ps;
  return { ...ps, st: { ...ps.st, compared, lenChecked, bounded: bounded ?? ps.st.bounded } };
}

function compareNumbers(ctx: ExploreCtx, op: string, l: Node | null, r: Node | null, ps: PState): boolean | undefined {
  const num = (n: Node | null): number | undefined => {
    const c = evalExpr(ctx, n, ps.st, ps.calls);
    return c && c.length === 1 && c[0].val.k === 'const' ? c[0].val.num : undefined;
  };
  const a = num(l);
  const b = a === undefined ? undefined : num(r);
  if (a === undefined || b === undefined) return undefined;
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}
