import type { Node } from 'web-tree-sitter';
import { field, memo, named, parentOf, textOf, typeOf } from './node-cache';
import { applyCall } from './calls';
import type { ExploreCtx } from './context';
import { calleeName, derefBase, evalExpr, paramOf, strip } from './eval';

/** Calls that only compute with an address (no read through it). */
const PURE_CALL = /^(sizeof|offsetof|FIELD_OFFSET|ARGUMENT_PRESENT|UNREFERENCED_PARAMETER|ASSERT|assert)$/;
import { refine, type PState } from './refine';
import { bit, constName, pushStep, withVal, type State, type Val } from './state';
import { declaratorName } from '../model/functions';
import { forEachNamed, LEAVES, namedDescendants, someNamed } from './walk';

const MAX_DEPTH = 200;
const MAX_FORKS = 64;

/** Subtrees that do not execute (or execute elsewhere). */
const OPAQUE = new Set([
  'sizeof_expression', 'alignof_expression', 'offsetof_expression', 'lambda_expression', 'string_literal',
  'concatenated_string', 'char_literal', 'comment', 'number_literal', 'type_descriptor', 'primitive_type',
  'type_identifier', 'raw_string_literal', 'template_argument_list', 'requires_expression',
]);

/**
 * Runs one statement or expression on each path state: calls (helpers fork per outcome), assignments,
 * dereferences and stores become state changes and events. Short-circuit operators and `?:` evaluate
 * their right side only on the states where it runs.
 */
export function scan(ctx: ExploreCtx, n: Node | null, pss: PState[], depth = 0): PState[] {
  if (!n || pss.length === 0 || OPAQUE.has(typeOf(n))) return pss;
  if (depth > MAX_DEPTH) return pss;
  const d = depth + 1;
  switch (typeOf(n)) {
    case 'call_expression': {
      let cur = pss;
      const f = field(n, 'function');
      if (f && typeOf(f) !== 'identifier' && typeOf(f) !== 'qualified_identifier') cur = scan(ctx, f, cur, d);
      for (const a of named(field(n, 'arguments')) ?? []) cur = scan(ctx, a, cur, d);
      // Calling through a pointer parameter (`lpCompletionRoutine(...)`) dereferences it.
      if (f && typeOf(f) === 'identifier' && ctx.params.has(textOf(f))) cur = deref(ctx, n, 'read', cur, f);
      return cap(applyCall(ctx, n, cur));
    }
    case 'assignment_expression': {
      let cur = scan(ctx, field(n, 'right'), pss, d);
      const left = field(n, 'left');
      cur = scanLeft(ctx, left, cur, d);
      return cap(cur.flatMap((ps) => assign(ctx, n, left, field(n, 'right'), ps)));
    }
    case 'declaration':
      // A condition's declaration (`if (Ctx* c = Find(...))`) carries its value itself.
      return field(n, 'value') ? declare(ctx, n, pss, d) : scanChildren(ctx, n, pss, d);
    case 'init_declarator':
      return declare(ctx, n, pss, d);
    case 'binary_expression': {
      const op = textOf(field(n, 'operator'));
      const left = field(n, 'left');
      const right = field(n, 'right');
      const cur = scan(ctx, left, pss, d);
      if (op !== '&&' && op !== '||') return scan(ctx, right, cur, d);
      const runs = cur.flatMap((ps) => refine(ctx, left, op === '&&', ps));
      const after = scan(ctx, right, runs, d);
      if (!hasEffects(right)) return cur;
      // Where the left side decided, the right side did not run: remember the value of the whole.
      const stopped = cur.flatMap((ps) => refine(ctx, left, op !== '&&', ps)).map((ps) => ({ ...ps, shorted: new Map(ps.shorted ?? []).set(n.id, op === '||') }));
      return cap([...after, ...stopped]);
    }
    case 'conditional_expression': {
      const cond = field(n, 'condition');
      const cur = scan(ctx, cond, pss, d);
      const t = scan(ctx, field(n, 'consequence'), cur.flatMap((ps) => refine(ctx, cond, true, ps)), d);
      const f = scan(ctx, field(n, 'alternative'), cur.flatMap((ps) => refine(ctx, cond, false, ps)), d);
      if (!hasEffects(field(n, 'consequence')) && !hasEffects(field(n, 'alternative'))) return cur;
      return cap([...t, ...f]);
    }
    case 'update_expression': {
      const arg = strip(field(n, 'argument'));
      const cur = scanLeft(ctx, arg, pss, d);
      return arg && typeOf(arg) === 'identifier' ? cur.map((ps) => ({ ...ps, st: withVal(ps.st, textOf(arg), null) })) : cur;
    }
    case 'pointer_expression': {
      const op = textOf(field(n, 'operator'));
      const arg = field(n, 'argument');
      if (op === '&') return scanAddressOf(ctx, arg, pss, d);
      return deref(ctx, n, 'read', scan(ctx, arg, pss, d));
    }
    case 'field_expression':
    case 'subscript_expression': {
      let cur = scan(ctx, field(n, 'argument'), pss, d);
      if (typeOf(n) === 'subscript_expression') cur = scan(ctx, field(n, 'index') ?? named(n)[1] ?? null, cur, d);
      return deref(ctx, n, 'read', cur);
    }
    default:
      return scanChildren(ctx, n, pss, d);
  }
}

/** `T x = v` (an init_declarator, or a condition's declaration): the local takes v's value. */
function declare(ctx: ExploreCtx, n: Node, pss: PState[], d: number): PState[] {
  const value = field(n, 'value');
  const name = textOf(declaratorName(field(n, 'declarator')));
  if (value && typeOf(value) === 'lambda_expression' && name) {
    ctx.lambdas.set(name, value);
    return pss;
  }
  const cur = scan(ctx, value, pss, d);
  if (!name) return cur;
  const target = strip(value);
  if (typeOf(field(n, 'declarator')) === 'reference_declarator' && !!target && typeOf(target) === 'pointer_expression' && textOf(field(target, 'operator')) === '*') {
    return cur.map((ps) => {
      const p = paramOf(ctx, field(target, 'argument'), ps.st);
      return { ...ps, st: withVal(ps.st, name, p === null ? null : { k: 'deref', i: p }) };
    });
  }
  const rhs = typeOf(value) === 'initializer_list' ? null : value;
  return cap(cur.flatMap((ps) => bindLocal(ctx, name, rhs, ps)));
}

function scanChildren(ctx: ExploreCtx, n: Node, pss: PState[], d: number): PState[] {
  if (LEAVES.has(typeOf(n))) return pss;
  let cur = pss;
  for (const c of named(n)) if (c) cur = scan(ctx, c, cur, d);
  return cur;
}

function cap(pss: PState[]): PState[] {
  return pss.length > MAX_FORKS ? pss.slice(0, MAX_FORKS) : pss;
}

function hasEffects(n: Node | null): boolean {
  if (!n) return false;
  return memo(n, 'hasEffects', () => walkForEffects(n));
}

function walkForEffects(n: Node): boolean {
  let found = false;
  const complete = forEachNamed(n, (e) => {
    const type = typeOf(e);
    return (found = type === 'call_expression' || type === 'assignment_expression' || type === 'update_expression');
  }, 4096);
  // Not looked at in full: assume it does something.
  return found || !complete;
}

/** `&p->x` computes an address: no dereference of p, but what is inside still runs. */
function scanAddressOf(ctx: ExploreCtx, arg: Node | null, pss: PState[], d: number): PState[] {
  const e = strip(arg);
  const type = typeOf(e);
  if (e && (type === 'field_expression' || type === 'subscript_expression')) {
    let cur = scan(ctx, field(e, 'argument'), pss, d);
    if (type === 'subscript_expression') cur = scan(ctx, field(e, 'index'), cur, d);
    // `InetNtop(AF_INET, &addr->sin_addr, ...)`: the callee reads through the address it is given.
    let up = parentOf(parentOf(arg)) ?? null; // arg -> `&arg` -> its parent
    while (up && (typeOf(up) === 'cast_expression' || typeOf(up) === 'parenthesized_expression')) up = parentOf(up);
    const list = typeOf(up) === 'argument_list' ? up : null;
    const call = list ? parentOf(list) : null;
    const handed = !!list && !PURE_CALL.test(call ? calleeName(call) ?? '' : '');
    return handed ? deref(ctx, e, 'read', cur) : cur;
  }
  return scan(ctx, arg, pss, d);
}

/** The left side of an assignment: evaluate what it reads, not the final store. */
function scanLeft(ctx: ExploreCtx, left: Node | null, pss: PState[], d: number): PState[] {
  const e = strip(left);
  const type = typeOf(e);
  if (!e || type === 'identifier') return pss;
  if (type === 'pointer_expression') return scan(ctx, field(e, 'argument'), pss, d);
  if (type === 'field_expression') return scan(ctx, field(e, 'argument'), pss, d);
  if (type === 'subscript_expression') return scan(ctx, field(e, 'index'), scan(ctx, field(e, 'argument'), pss, d), d);
  return scan(ctx, e, pss, d);
}

function deref(ctx: ExploreCtx, n: Node, access: 'read' | 'write', pss: PState[], callee?: Node): PState[] {
  return pss.map((ps) => {
    const p = callee ? paramOf(ctx, callee, ps.st) : null;
    const base = callee ? (p === null ? null : { param: p, field: null }) : derefBase(ctx, n, ps.st);
    if (!base) return ps;
    ctx.events.push({ kind: 'deref', node: n, param: base.param, access, field: base.field, via: null, st: ps.st, extra: [] });
    const b = bit(base.param);
    // Once dereferenced, the pointer was not NULL on any path that goes on from here.
    return { ...ps, st: { ...ps.st, used: ps.st.used | b, nonnull: ps.st.nonnull | b } };
  });
}

function assign(ctx: ExploreCtx, node: Node, leftRaw: Node | null, right: Node | null, ps: PState): PState[] {
  const left = strip(leftRaw);
  if (!left) return [ps];
  const op = textOf(field(node, 'operator')) ?? '=';
  if (typeOf(left) === 'identifier') {
    const v = ps.st.vals.get(textOf(left));
    if (v?.k === 'deref') return [storeThrough(ctx, node, left, right, op, { param: v.i, field: null }, ps)];
    // A pointer parameter reassigned keeps its identity (`lpErrno = &dummy` when it was NULL); a scalar
    // parameter (`s = INVALID_SOCKET`) takes the value.
    const pi = ctx.params.get(textOf(left));
    if (pi !== undefined && !v && ctx.fn.params[pi]?.isPointer) return [ps];
    return bindLocal(ctx, textOf(left), op === '=' ? right : null, ps);
  }
  // `p->buf[i] = x`: an element copied into a buffer that a parameter points to.
  if (typeOf(left) === 'subscript_expression') {
    const arr = strip(field(left, 'argument'));
    const alias = arr && typeOf(arr) === 'identifier' ? ps.st.vals.get(textOf(arr)) : undefined;
    if (typeOf(arr) === 'field_expression' || alias?.k === 'fieldof') {
      const base = alias?.k === 'fieldof' ? { param: alias.i, field: alias.f } : derefBase(ctx, arr!, ps.st);
      const index = field(left, 'index') ?? named(left)[1];
      if (base && base.field && index) {
        ctx.events.push({ kind: 'index-write', node, param: base.param, field: base.field, index, st: ps.st });
        ps = { ...ps, st: { ...ps.st, used: ps.st.used | bit(base.param), nonnull: ps.st.nonnull | bit(base.param) } };
      }
      return [ps];
    }
  }
  const base = derefBase(ctx, left, ps.st);
  if (!base) {
    // `ctx->Monitor = OpenCompanion(...)`: remember the value of a local's field for later checks.
    // Only fields the function tests later: tracking every field would split states for nothing.
    if (typeOf(left) === 'field_expression' && testedFields(ctx).has(fieldKey(left))) return bindLocal(ctx, fieldKey(left), op === '=' ? right : null, ps);
    return [ps];
  }
  ctx.events.push({ kind: 'deref', node: left, param: base.param, access: 'write', field: base.field, via: null, st: ps.st, extra: [] });
  return [storeThrough(ctx, node, left, right, op, base, ps)];
}

function storeThrough(ctx: ExploreCtx, node: Node, left: Node, right: Node | null, op: string, base: { param: number; field: string | null }, ps: PState): PState {
  const b = bit(base.param);
  const cands = op === '=' ? evalExpr(ctx, right, ps.st, ps.calls, 0, true) : null;
  ctx.events.push({ kind: 'store', node, param: base.param, field: base.field, cands, via: null, st: ps.st, extra: [] });
  const target = textOf(left).length > 40 ? textOf(left).slice(0, 40) + '…' : textOf(left);
  const valueText = cands && cands.length === 1 ? constName(cands[0].val) : (textOf(right) ?? '').slice(0, 40);
  const steps = pushStep(ps.st.steps, { file: ctx.fn.file, offset: node.startIndex, message: `${target} ${op} ${valueText}` });
  // Remember what `*p` now holds, so `*p == 0 ? 0 : SOCKET_ERROR` can be decided later on this path.
  let vals = ps.st.vals;
  if (base.field === null && typeOf(left) === 'pointer_expression') {
    const key = `*${textOf(strip(field(left, 'argument'))) ?? ''}`;
    vals = withVal(ps.st, key, cands && cands.length === 1 && cands[0].val.k === 'const' ? cands[0].val : null).vals;
  }
  // `*lpErrno = NO_ERROR` up front is not an error code: a later failure still has to set one.
  // Only a 0 written here (a helper's or a variable's 0 may stand for a path we cannot rule out).
  const literal = strip(right);
  const clears = (ctx.errorParams & b) !== 0 && base.field === null && !!literal && (typeOf(literal) === 'number_literal' || typeOf(literal) === 'identifier') &&
    !ps.st.vals.has(textOf(literal)) && !!cands && cands.length > 0 && cands.every((c) => c.val.k === 'const' && c.val.num === 0);
  const st: State = {
    ...ps.st,
    vals,
    written: clears ? ps.st.written : ps.st.written | b,
    lenWritten: base.field === 'len' ? ps.st.lenWritten | b : ps.st.lenWritten,
    used: ps.st.used | b,
    nonnull: ps.st.nonnull | b,
    steps,
  };
  return { ...ps, st };
}

/** A local takes a value: constants and parameter aliases are tracked, anything else is forgotten. */
function bindLocal(ctx: ExploreCtx, name: string, rhs: Node | null, ps: PState): PState[] {
  let bounded = ps.st.bounded;
  const mentionsLen = rhs ? lenMention(ctx, rhs, ps.st) : false;
  if (mentionsLen !== bounded.has(name)) {
    const b = new Set(bounded);
    if (mentionsLen) b.add(name);
    else b.delete(name);
    bounded = b;
  }
  const cands = rhs ? evalExpr(ctx, rhs, ps.st, ps.calls) : null;
  const base = { ...ps, st: { ...ps.st, bounded } };
  if (!cands || cands.length === 0) return [{ ...base, st: withVal(base.st, name, aliasOf(ctx, rhs, ps.st)) }];
  return cands.slice(0, 8).map((c) => ({ ...base, st: withVal(base.st, name, c.val) }));
}

function aliasOf(ctx: ExploreCtx, rhs: Node | null, st: State): Val | null {
  const p = rhs ? paramOf(ctx, rhs, st) : null;
  if (p !== null) return { k: 'param', i: p };
  const e = strip(rhs);
  if (e && typeOf(e) === 'field_expression') {
    const base = derefBase(ctx, e, st);
    if (base?.field) return { k: 'fieldof', i: base.param, f: base.field };
  }
  return null;
}

/** The expression uses `p->len` of a pointer parameter (of `param` when given), or a local already bounded by one. */
export function lenMention(ctx: ExploreCtx, n: Node, st: State, param?: number): boolean {
  const ofParam = (p: number | null) => (param === undefined ? p !== null : p === param);
  return someNamed(n, (e) =>
    (typeOf(e) === 'field_expression' && textOf(field(e, 'field')) === 'len' && ofParam(paramOf(ctx, field(e, 'argument'), st))) ||
    (typeOf(e) === 'identifier' && st.bounded.has(textOf(e))));
}

/** Key under which a field of a local is tracked: its text without spaces (`ms->Monitor`). */
export function fieldKey(n: Node): string {
  return textOf(n).replace(/\s+/g, '');
}

const CONDITIONAL: ReadonlySet<string> = new Set(['if_statement', 'while_statement', 'do_statement', 'for_statement', 'switch_statement', 'conditional_expression']);
const FIELD: ReadonlySet<string> = new Set(['field_expression']);

/** Fields of locals that appear in a condition of the function (`if (ms->Monitor == INVALID_SOCKET)`). */
function testedFields(ctx: ExploreCtx): Set<string> {
  return memo(ctx.fn.body, 'testedFields', () => {
    const set = new Set<string>();
    for (const c of namedDescendants(ctx.fn.body, CONDITIONAL)) {
      const cond = field(c, 'condition');
      if (cond) for (const f of namedDescendants(cond, FIELD)) set.add(fieldKey(f));
    }
    return set;
  });
}
