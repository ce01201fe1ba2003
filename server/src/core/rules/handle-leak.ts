import type { Node } from 'web-tree-sitter';
import { field, typeOf, textOf, named, parentOf } from '../flow/node-cache';
import type { Cfg } from '../flow/cfg';
import { calleeName, evalExpr, strip } from '../flow/eval';
import type { ExploreCtx } from '../flow/context';
import { initialState } from '../flow/state';
import { conventionOf } from './convention';
import { Once, type ImplCheck, type RawFinding, type Rule } from './rule';

const CREATE = new Set(['WPUCreateSocketHandle', 'lpWPUCreateSocketHandle']);
const CLOSE = new Set(['WPUCloseSocketHandle', 'lpWPUCloseSocketHandle']);

/**
 * A socket handle made with WPUCreateSocketHandle belongs to the provider until it is returned to the
 * caller; a failure return after creating it must close it (WPUCloseSocketHandle), or it leaks.
 */
export const handleLeakOnError: Rule = {
  id: 'handle-leak-on-error',
  check(c: ImplCheck): RawFinding[] {
    const out: RawFinding[] = [];
    const once = new Once();
    const conv = conventionOf(c.contract);
    const ctx = { run: c.run, fn: c.fn, params: c.params, lambdas: new Map(), events: [], errorParams: 0 } as ExploreCtx;
    // Both creating functions are named ...WPUCreateSocketHandle: a body that never says so creates nothing.
    const found = textOf(c.fn.body).includes('WPUCreateSocketHandle') ? creations(c.cfg) : [];
    for (const { node, handle, call } of found) {
      for (const ret of leakingReturns(c.cfg, node, handle)) {
        const value = named(ret.ast)?.find((k) => k && typeOf(k) !== 'comment') ?? null;
        const cands = evalExpr(ctx, value, initialState(), new Map());
        if (!cands || !cands.some((x) => conv.isFailure(x.val))) continue;
        if (!ret.ast || !once.first(`${ret.ast.id}`)) continue;
        out.push({
          rule: 'handle-leak-on-error',
          start: ret.ast.startIndex,
          end: ret.ast.endIndex,
          message: `${handle}, created by WPUCreateSocketHandle, is not closed before this failure return: call WPUCloseSocketHandle(${handle}, ...) first`,
          steps: [
            { file: c.fn.file, offset: call.startIndex, message: `${handle} created` },
            { file: c.fn.file, offset: ret.ast.startIndex, message: 'failure return without WPUCloseSocketHandle' },
          ],
        });
      }
    }
    return out;
  },
};

function creations(cfg: Cfg): Array<{ node: number; handle: string; call: Node }> {
  const out: Array<{ node: number; handle: string; call: Node }> = [];
  for (const n of cfg.nodes) {
    if (n.kind !== 'stmt' || !n.ast) continue;
    for (const call of n.ast.descendantsOfType('call_expression')) {
      if (!call || !CREATE.has(calleeName(call) ?? '')) continue;
      let p: Node | null = parentOf(call);
      while (p && typeOf(p) === 'parenthesized_expression') p = parentOf(p);
      const target = p && typeOf(p) === 'assignment_expression' ? strip(field(p, 'left')) : p && typeOf(p) === 'init_declarator' ? field(p, 'declarator') : null;
      if (target) out.push({ node: n.id, handle: textOf(target).replace(/[\s*&]/g, ''), call });
    }
  }
  return out;
}

/** Return nodes reachable from the creation without passing a close (or a hand-off) of the handle. */
function leakingReturns(cfg: Cfg, from: number, handle: string) {
  const seen = new Set<number>([from]);
  const work = [...cfg.nodes[from].succ.map((e) => e.to)];
  const rets = [];
  const mentions = (n: Node | null) => !!n && new RegExp(`\\b${handle.replace(/[.[\]()>-]/g, (m) => `\\${m}`)}\\b`).test(textOf(n));
  while (work.length) {
    const id = work.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = cfg.nodes[id];
    if (n.kind === 'return') {
      if (!mentions(n.ast)) rets.push(n);
      continue;
    }
    if (n.ast && n.kind === 'stmt') {
      // Closed, or handed to other code (a context that owns it now): no longer ours to leak here.
      const calls = n.ast.descendantsOfType('call_expression');
      if (calls.some((k) => k && (CLOSE.has(calleeName(k) ?? '') || [...(named(field(k, 'arguments')) ?? [])].some((a) => mentions(a))))) continue;
      // Storing it in a context is not a hand-off: the failure path usually frees that context, handle and all.
    }
    for (const e of n.succ) {
      // `if (h == INVALID_SOCKET)`: the true branch has no handle to leak.
      if (n.kind === 'cond' && mentions(n.ast) && /INVALID_SOCKET/.test(textOf(n.ast) ?? '')) {
        const eq = /==/.test(textOf(n.ast!)) && !/!=/.test(textOf(n.ast!));
        if ((e.kind === 'true') === eq) continue;
      }
      work.push(e.to);
    }
  }
  return rets;
}
