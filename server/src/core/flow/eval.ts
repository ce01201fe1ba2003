import type { Node } from 'web-tree-sitter';
import { field, typeOf, textOf, named } from './node-cache';
import { knownConstant, parseNumber } from '../model/constants';
import type { ExploreCtx } from './context';
import type { Cand, State, Val } from './state';
import { refine } from './refine';

/** Results of the calls already evaluated on this path, by call node id. */
export type CallVals = ReadonlyMap<number, Cand[] | null>;

export function strip(n: Node | null): Node | null {
  let cur = n;
  for (let guard = 0; cur && guard < 100; guard++) {
    const type = typeOf(cur);
    if (type === 'parenthesized_expression') cur = named(cur).find((c) => c && typeOf(c) !== 'comment') ?? null;
    // C++ `if (x)` wraps the condition in a condition_clause (which may hold a declaration).
    else if (type === 'condition_clause') cur = field(cur, 'value') ?? named(cur).find((c) => c && typeOf(c) !== 'comment') ?? null;
    else if (type === 'cast_expression') cur = field(cur, 'value');
    else if (type === 'call_expression' && isNamedCast(cur)) cur = named(field(cur, 'arguments'))?.find((c) => c && typeOf(c) !== 'comment') ?? null;
    else return cur;
  }
  return cur;
}

const NAMED_CASTS = new Set(['static_cast', 'reinterpret_cast', 'const_cast', 'dynamic_cast']);

/** `reinterpret_cast<const sockaddr_in*>(name)` is `name` as far as the analysis goes. */
function isNamedCast(call: Node): boolean {
  const f = field(call, 'function');
  return typeOf(f) === 'template_function' && NAMED_CASTS.has(textOf(field(f, 'name')) ?? '') && (named(field(call, 'arguments'))?.length ?? 0) === 1;
}

/** The parameter an expression designates as a pointer: `lpErrno`, `(LPINT)lpErrno`, an alias local. */
export function paramOf(ctx: ExploreCtx, n: Node | null, st: State): number | null {
  const e = strip(n);
  if (!e || typeOf(e) !== 'identifier') return null;
  const v = st.vals.get(textOf(e));
  if (v) return v.k === 'param' ? v.i : null;
  const i = ctx.params.get(textOf(e));
  return i === undefined ? null : i;
}

/** The parameter at the base of `p->f`, `(*p).f`, `p[i]`, `*p`: the pointer that is dereferenced. */
export function derefBase(ctx: ExploreCtx, n: Node, st: State): { param: number; field: string | null } | null {
  const type = typeOf(n);
  if (type === 'field_expression') {
    const op = textOf(field(n, 'operator')) ?? n.children.find((c) => c && (textOf(c) === '->' || textOf(c) === '.'))?.text;
    const arg = field(n, 'argument');
    const fieldName = textOf(field(n, 'field')) ?? null;
    if (op === '->') {
      const p = paramOf(ctx, arg, st);
      return p === null ? null : { param: p, field: fieldName };
    }
    // (*p).f
    const inner = strip(arg);
    if (inner && typeOf(inner) === 'pointer_expression' && textOf(field(inner, 'operator')) === '*') {
      const p = paramOf(ctx, field(inner, 'argument'), st);
      return p === null ? null : { param: p, field: fieldName };
    }
    return null;
  }
  if (type === 'pointer_expression' && textOf(field(n, 'operator')) === '*') {
    const p = paramOf(ctx, field(n, 'argument'), st);
    return p === null ? null : { param: p, field: null };
  }
  if (type === 'subscript_expression') {
    const p = paramOf(ctx, field(n, 'argument'), st);
    return p === null ? null : { param: p, field: null };
  }
  return null;
}

const MAX_DEFINE_DEPTH = 8;

export function constOf(ctx: ExploreCtx, name: string, depth = 0): Val | null {
  const known = knownConstant(name);
  if (known) return { k: 'const', ...known };
  const def = ctx.run.define(name);
  if (def !== undefined && depth < MAX_DEFINE_DEPTH) {
    const t = def.replace(/^\(+|\)+$/g, '').replace(/\((?:int|INT|DWORD|ULONG|LONG)\)/g, '').trim();
    const num = parseNumber(t);
    if (num !== undefined) return { k: 'const', name, num };
    if (/^-\s*\d+$/.test(t)) return { k: 'const', name, num: -Number(t.replace(/[-\s]/g, '')) };
    if (/^[A-Za-z_]\w*$/.test(t)) {
      const inner = constOf(ctx, t, depth + 1);
      if (inner && inner.k === 'const') return { k: 'const', name: inner.name ?? name, num: inner.num };
    }
  }
  return null;
}

/** The values an expression can have on this path, or null when unknown. */
/**
 * `globals`: also use the constants assigned to global variables. Only for values stored as error codes:
 * globals change behind the function's back, so they never decide a branch or a local's value.
 */
export function evalExpr(ctx: ExploreCtx, n: Node | null, st: State, calls: CallVals, depth = 0, globals = false): Cand[] | null {
  const e = strip(n);
  if (!e || depth > 50) return null;
  switch (typeOf(e)) {
    case 'number_literal': {
      const num = parseNumber(textOf(e));
      return num === undefined ? null : [{ val: { k: 'const', num }, steps: [] }];
    }
    case 'null':
    case 'nullptr':
      return [{ val: { k: 'const', name: 'NULL', num: 0 }, steps: [] }];
    case 'true':
    case 'false':
      return [{ val: { k: 'const', name: typeOf(e).toUpperCase(), num: typeOf(e) === 'true' ? 1 : 0 }, steps: [] }];
    case 'unary_expression': {
      const op = textOf(field(e, 'operator'));
      const arg = evalExpr(ctx, field(e, 'argument'), st, calls, depth + 1);
      if (op === '-' && arg && arg.every((c) => c.val.k === 'const' && c.val.num !== undefined)) {
        return arg.map((c) => ({ val: { k: 'const', num: -(c.val as { num: number }).num }, steps: c.steps }));
      }
      return null;
    }
    case 'identifier': {
      const v = st.vals.get(textOf(e));
      if (v) return v.k === 'deref' ? null : [{ val: v, steps: [] }];
      const p = ctx.params.get(textOf(e));
      if (p !== undefined) return [{ val: { k: 'param', i: p }, steps: [] }];
      const c = constOf(ctx, textOf(e));
      if (c) return [{ val: c, steps: [] }];
      const g = globals ? ctx.run.globalValues(textOf(e)) : null;
      if (g && g.length) return g.map((val) => ({ val: { k: 'const', ...val }, steps: [] }));
      return null;
    }
    case 'call_expression':
      return calls.get(e.id) ?? null;
    case 'pointer_expression': {
      // `return &gBaseInfo[i];`: an address is never NULL.
      if (textOf(field(e, 'operator')) === '&') return [{ val: { k: 'nonnull' }, steps: [] }];
      const arg = strip(field(e, 'argument'));
      const v = textOf(field(e, 'operator')) === '*' && typeOf(arg) === 'identifier' ? st.vals.get(`*${textOf(arg)}`) : undefined;
      return v ? [{ val: v, steps: [] }] : null;
    }
    case 'field_expression': {
      const v = st.vals.get(textOf(e).replace(/\s+/g, ''));
      return v && v.k !== 'deref' ? [{ val: v, steps: [] }] : null;
    }
    case 'conditional_expression': {
      // Only the arms the path can take: `rc == NO_ERROR ? NO_ERROR : SOCKET_ERROR` with rc known.
      const cond = field(e, 'condition');
      const canTrue = refine(ctx, cond, true, { st, calls }).length > 0;
      const canFalse = refine(ctx, cond, false, { st, calls }).length > 0;
      const a = canTrue ? evalExpr(ctx, field(e, 'consequence'), st, calls, depth + 1, globals) : [];
      const b = canFalse ? evalExpr(ctx, field(e, 'alternative'), st, calls, depth + 1, globals) : [];
      return a && b ? [...a, ...b] : null;
    }
    case 'assignment_expression':
      return evalExpr(ctx, field(e, 'right'), st, calls, depth + 1);
    case 'comma_expression':
      return evalExpr(ctx, field(e, 'right'), st, calls, depth + 1);
    default:
      return null;
  }
}

/** Call name as written: `Helper`, `Cls::Helper` -> `Helper`, `obj->Helper` -> `Helper`. */
export function calleeName(call: Node): string | null {
  const f = field(call, 'function');
  if (!f) return null;
  // One read of the type: outside a node-cache scope (the result cache's call-site scan) each is a WASM call.
  const type = typeOf(f);
  if (type === 'identifier') return textOf(f);
  if (type === 'qualified_identifier') return textOf(f).split('::').pop() ?? null;
  if (type === 'field_expression') return textOf(field(f, 'field')) ?? null;
  if (type === 'template_function') return textOf(field(f, 'name')) ?? null;
  return null;
}

export function argsOf(call: Node): Node[] {
  return (named(field(call, 'arguments')) ?? []).filter((a): a is Node => !!a && typeOf(a) !== 'comment');
}

/**
 * The object whose address is taken: `&x`, `(T)&x`, and `(PDWORD_PTR) &x`, which tree-sitter reads as
 * a bitwise and (it cannot know PDWORD_PTR is a type).
 */
export function addressOfTarget(n: Node | null): Node | null {
  const e = strip(n);
  if (!e) return null;
  const type = typeOf(e);
  if (type === 'pointer_expression' && textOf(field(e, 'operator')) === '&') return strip(field(e, 'argument'));
  if (type === 'binary_expression' && textOf(field(e, 'operator')) === '&') {
    const l = field(e, 'left');
    const inner = l && typeOf(l) === 'parenthesized_expression' ? named(l)[0] : null;
    if (inner && typeOf(inner) === 'identifier' && /^(P|LP)?[A-Z][A-Z0-9_]*$/.test(textOf(inner))) return strip(field(e, 'right'));
  }
  return null;
}
