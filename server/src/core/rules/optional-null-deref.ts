import { bit } from '../flow/state';
import { enclosingStatement } from './callee-null-deref';
import { Once, paramName, pathTo, type ImplCheck, type RawFinding, type Rule } from './rule';
import { shorten } from '../flow/text';

/**
 * The optional pointers of each function's page ("If lpOverlapped is NULL...", "lpFrom ... optional"):
 * each may be NULL, so a dereference needs a check first. WSPConnect's and WSPJoinLeaf's connect data
 * and QoS pointers are callee-null-deref's.
 */
export const optionalNullDeref: Rule = {
  id: 'optional-null-deref',
  check(c: ImplCheck): RawFinding[] {
    const covered = c.connect ? new Set([c.connect.caller, c.connect.callee, c.connect.sqos]) : new Set<number>();
    const optional = new Map(c.contract.params.filter((p) => p.optional && !covered.has(p.index)).map((p) => [p.index, p]));
    if (optional.size === 0) return [];
    const out: RawFinding[] = [];
    const once = new Once();
    for (const e of c.events) {
      if (e.kind !== 'deref' || !optional.has(e.param)) continue;
      const b = bit(e.param);
      if (e.st.nonnull & b || e.st.used & b || !once.first(`${e.node.id}`)) continue;
      const spec = optional.get(e.param)!;
      const name = paramName(c, e.param);
      const stmt = enclosingStatement(e.node);
      out.push({
        rule: 'optional-null-deref',
        start: e.node.startIndex,
        end: e.node.endIndex,
        message: `${name} may be NULL for ${c.contract.name} (${shorten(spec.optionalBecause ?? spec.description, 90)}) and is dereferenced here${e.via ? ` by ${e.via}()` : ''} without a NULL check on this path`,
        steps: pathTo(c, e, e.extra, e.node.startIndex, `${name} dereferenced without a NULL check`),
        fix: stmt ? { kind: 'null-guard', stmtStartOffset: stmt.startIndex, stmtEndOffset: stmt.endIndex, param: name } : undefined,
      });
    }
    return out;
  },
};

