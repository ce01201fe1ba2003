import type { Node } from 'web-tree-sitter';
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
    for (const { node, handle, call } of creations(c.cfg)) {
      for (const ret of leakingReturns(c.cfg, node, handle)) {
        const value = ret.ast?.namedChildren.find((k) => k && k.type !== 'comment') ?? null;
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
      let p: Node | null = call.parent;
      while (p && p.type === 'parenthesized_expression') p = p.parent;
      const target = p?.type === 'assignment_expression' ? strip(p.childForFieldName('left')) : p?.type === 'init_declarator' ? p.childForFieldName('declarator') : null;
      if (target) out.push({ node: n.id, handle: target.text.replace(/[\s*&]/g, ''), call });
    }
  }
  return out;
}

/** Return nodes reachable from the creation without passing a close (or a hand-off) of the handle. */
function leakingReturns(cfg: Cfg, from: number, handle: string) {
  const seen = new Set<number>([from]);
  const work = [...cfg.nodes[from].succ.map((e) => e.to)];
  const rets = [];
  const mentions = (n: Node | null) => !!n && new RegExp(`\\b${handle.replace(/[.[\]()>-]/g, (m) => `\\${m}`)}\\b`).test(n.text);
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
      if (calls.some((k) => k && (CLOSE.has(calleeName(k) ?? '') || [...(k.childForFieldName('arguments')?.namedChildren ?? [])].some((a) => mentions(a))))) continue;
      // Storing it in a context is not a hand-off: the failure path usually frees that context, handle and all.
    }
    for (const e of n.succ) {
      // `if (h == INVALID_SOCKET)`: the true branch has no handle to leak.
      if (n.kind === 'cond' && mentions(n.ast) && /INVALID_SOCKET/.test(n.ast?.text ?? '')) {
        const eq = /==/.test(n.ast!.text) && !/!=/.test(n.ast!.text);
        if ((e.kind === 'true') === eq) continue;
      }
      work.push(e.to);
    }
  }
  return rets;
}
