import type { Node } from 'web-tree-sitter';
import { knownConstant, parseNumber } from '../model/constants';
import type { ExploreCtx } from './context';
import type { Cand, State, Val } from './state';
import { refine } from './refine';

/** Results of the calls already evaluated on this path, by call node id. */
export type CallVals = ReadonlyMap<number, Cand[] | null>;

export function strip(n: Node | null): Node | null {
  let cur = n;
  for (let guard = 0; cur && guard < 100; guard++) {
    if (cur.type === 'parenthesized_expression') cur = cur.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
    // C++ `if (x)` wraps the condition in a condition_clause (which may hold a declaration).
    else if (cur.type === 'condition_clause') cur = cur.childForFieldName('value') ?? cur.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
    else if (cur.type === 'cast_expression') cur = cur.childForFieldName('value');
    else if (cur.type === 'call_expression' && isNamedCast(cur)) cur = cur.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
    else return cur;
  }
  return cur;
}

const NAMED_CASTS = new Set(['static_cast', 'reinterpret_cast', 'const_cast', 'dynamic_cast']);

/** `reinterpret_cast<const sockaddr_in*>(name)` is `name` as far as the analysis goes. */
function isNamedCast(call: Node): boolean {
  const f = call.childForFieldName('function');
  return f?.type === 'template_function' && NAMED_CASTS.has(f.childForFieldName('name')?.text ?? '') && (call.childForFieldName('arguments')?.namedChildren.length ?? 0) === 1;
}

/** The parameter an expression designates as a pointer: `lpErrno`, `(LPINT)lpErrno`, an alias local. */
export function paramOf(ctx: ExploreCtx, n: Node | null, st: State): number | null {
  const e = strip(n);
  if (!e || e.type !== 'identifier') return null;
  const v = st.vals.get(e.text);
  if (v) return v.k === 'param' ? v.i : null;
  const i = ctx.params.get(e.text);
  return i === undefined ? null : i;
}

/** The parameter at the base of `p->f`, `(*p).f`, `p[i]`, `*p`: the pointer that is dereferenced. */
export function derefBase(ctx: ExploreCtx, n: Node, st: State): { param: number; field: string | null } | null {
  if (n.type === 'field_expression') {
    const op = n.childForFieldName('operator')?.text ?? n.children.find((c) => c && (c.text === '->' || c.text === '.'))?.text;
    const arg = n.childForFieldName('argument');
    const field = n.childForFieldName('field')?.text ?? null;
    if (op === '->') {
      const p = paramOf(ctx, arg, st);
      return p === null ? null : { param: p, field };
    }
    // (*p).f
    const inner = strip(arg);
    if (inner?.type === 'pointer_expression' && inner.childForFieldName('operator')?.text === '*') {
      const p = paramOf(ctx, inner.childForFieldName('argument'), st);
      return p === null ? null : { param: p, field };
    }
    return null;
  }
  if (n.type === 'pointer_expression' && n.childForFieldName('operator')?.text === '*') {
    const p = paramOf(ctx, n.childForFieldName('argument'), st);
    return p === null ? null : { param: p, field: null };
  }
  if (n.type === 'subscript_expression') {
    const p = paramOf(ctx, n.childForFieldName('argument'), st);
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
  switch (e.type) {
    case 'number_literal': {
      const num = parseNumber(e.text);
      return num === undefined ? null : [{ val: { k: 'const', num }, steps: [] }];
    }
    case 'null':
    case 'nullptr':
      return [{ val: { k: 'const', name: 'NULL', num: 0 }, steps: [] }];
    case 'true':
    case 'false':
      return [{ val: { k: 'const', name: e.type.toUpperCase(), num: e.type === 'true' ? 1 : 0 }, steps: [] }];
    case 'unary_expression': {
      const op = e.childForFieldName('operator')?.text;
      const arg = evalExpr(ctx, e.childForFieldName('argument'), st, calls, depth + 1);
      if (op === '-' && arg && arg.every((c) => c.val.k === 'const' && c.val.num !== undefined)) {
        return arg.map((c) => ({ val: { k: 'const', num: -(c.val as { num: number }).num }, steps: c.steps }));
      }
      return null;
    }
    case 'identifier': {
      const v = st.vals.get(e.text);
      if (v) return v.k === 'deref' ? null : [{ val: v, steps: [] }];
      const p = ctx.params.get(e.text);
      if (p !== undefined) return [{ val: { k: 'param', i: p }, steps: [] }];
      const c = constOf(ctx, e.text);
      if (c) return [{ val: c, steps: [] }];
      const g = globals ? ctx.run.globalValues(e.text) : null;
      if (g && g.length) return g.map((val) => ({ val: { k: 'const', ...val }, steps: [] }));
      return null;
    }
    case 'call_expression':
      return calls.get(e.id) ?? null;
    case 'pointer_expression': {
      // `return &gBaseInfo[i];`: an address is never NULL.
      if (e.childForFieldName('operator')?.text === '&') return [{ val: { k: 'nonnull' }, steps: [] }];
      const arg = strip(e.childForFieldName('argument'));
      const v = e.childForFieldName('operator')?.text === '*' && arg?.type === 'identifier' ? st.vals.get(`*${arg.text}`) : undefined;
      return v ? [{ val: v, steps: [] }] : null;
    }
    case 'field_expression': {
      const v = st.vals.get(e.text.replace(/\s+/g, ''));
      return v && v.k !== 'deref' ? [{ val: v, steps: [] }] : null;
    }
    case 'conditional_expression': {
      // Only the arms the path can take: `rc == NO_ERROR ? NO_ERROR : SOCKET_ERROR` with rc known.
      const cond = e.childForFieldName('condition');
      const canTrue = refine(ctx, cond, true, { st, calls }).length > 0;
      const canFalse = refine(ctx, cond, false, { st, calls }).length > 0;
      const a = canTrue ? evalExpr(ctx, e.childForFieldName('consequence'), st, calls, depth + 1, globals) : [];
      const b = canFalse ? evalExpr(ctx, e.childForFieldName('alternative'), st, calls, depth + 1, globals) : [];
      return a && b ? [...a, ...b] : null;
    }
    case 'assignment_expression':
      return evalExpr(ctx, e.childForFieldName('right'), st, calls, depth + 1);
    case 'comma_expression':
      return evalExpr(ctx, e.childForFieldName('right'), st, calls, depth + 1);
    default:
      return null;
  }
}

/** Call name as written: `Helper`, `Cls::Helper` -> `Helper`, `obj->Helper` -> `Helper`. */
export function calleeName(call: Node): string | null {
  const f = call.childForFieldName('function');
  if (!f) return null;
  if (f.type === 'identifier') return f.text;
  if (f.type === 'qualified_identifier') return f.text.split('::').pop() ?? null;
  if (f.type === 'field_expression') return f.childForFieldName('field')?.text ?? null;
  if (f.type === 'template_function') return f.childForFieldName('name')?.text ?? null;
  return null;
}

export function argsOf(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
}

/**
 * The object whose address is taken: `&x`, `(T)&x`, and `(PDWORD_PTR) &x`, which tree-sitter reads as
 * a bitwise and (it cannot know PDWORD_PTR is a type).
 */
export function addressOfTarget(n: Node | null): Node | null {
  const e = strip(n);
  if (!e) return null;
  if (e.type === 'pointer_expression' && e.childForFieldName('operator')?.text === '&') return strip(e.childForFieldName('argument'));
  if (e.type === 'binary_expression' && e.childForFieldName('operator')?.text === '&') {
    const l = e.childForFieldName('left');
    const inner = l?.type === 'parenthesized_expression' ? l.namedChildren[0] : null;
    if (inner?.type === 'identifier' && /^(P|LP)?[A-Z][A-Z0-9_]*$/.test(inner.text)) return strip(e.childForFieldName('right'));
  }
  return null;
}
