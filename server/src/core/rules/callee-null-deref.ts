import type { Node } from 'web-tree-sitter';
import { typeOf, parentOf } from '../flow/node-cache';
import { bit } from '../flow/state';
import { Once, paramName, pathTo, type ImplCheck, type RawFinding, type Rule } from './rule';

/**
 * "If lpCallerData is null, no user data will be passed to the peer." "If lpCalleeData is null, no
 * user data will be passed back." "A null value for lpSQOS indicates that no application supplied
 * quality of service." All three may be NULL: each dereference needs a check first.
 */
export const calleeNullDeref: Rule = {
  id: 'callee-null-deref',
  check(c: ImplCheck): RawFinding[] {
    const k = c.connect;
    if (!k) return [];
    const out: RawFinding[] = [];
    const once = new Once();
    const optional = new Set([k.caller, k.callee, k.sqos]);
    for (const e of c.events) {
      if (e.kind !== 'deref' || !optional.has(e.param)) continue;
      const b = bit(e.param);
      if (e.st.nonnull & b || e.st.used & b) continue;
      if (!once.first(`${e.node.id}`)) continue;
      const name = paramName(c, e.param);
      const stmt = enclosingStatement(e.node);
      out.push({
        rule: 'callee-null-deref',
        start: e.node.startIndex,
        end: e.node.endIndex,
        message: `${name} may be NULL (the spec allows it) and is dereferenced here${e.via ? ` by ${e.via}()` : ''} without a NULL check on this path`,
        steps: pathTo(c, e, e.extra, e.node.startIndex, `${name} dereferenced without a NULL check`),
        fix: stmt ? { kind: 'null-guard', stmtStartOffset: stmt.startIndex, stmtEndOffset: stmt.endIndex, param: name } : undefined,
      });
    }
    return out;
  },
};

export function enclosingStatement(n: Node): Node | null {
  let cur: Node | null = n;
  while (cur && !/(_statement|^declaration)$/.test(typeOf(cur))) cur = parentOf(cur);
  return cur && typeOf(cur) !== 'compound_statement' ? cur : null;
}
