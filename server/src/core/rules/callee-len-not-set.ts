import { typeOf } from '../flow/node-cache';
import { bit } from '../flow/state';
import { conventionOf } from './convention';
import { Once, paramName, pathTo, type ImplCheck, type RawFinding, type Rule } from './rule';

/**
 * "The lpCalleeData->len will be set to zero if no user data has been passed back." On a success
 * return with lpCalleeData possibly non-NULL, something must have written lpCalleeData->len.
 */
export const calleeLenNotSet: Rule = {
  id: 'callee-len-not-set',
  check(c: ImplCheck): RawFinding[] {
    const k = c.connect;
    if (!k) return [];
    const out: RawFinding[] = [];
    const conv = conventionOf(c.contract);
    const once = new Once();
    const callee = k.callee;
    const b = bit(callee);
    const name = paramName(c, callee);
    for (const e of c.events) {
      if (e.kind !== 'return' || typeOf(e.node) !== 'return_statement') continue;
      // A handle-returning function (WSPJoinLeaf) succeeds with whatever handle it returns.
      const success = e.cands ? e.cands.length > 0 && e.cands.every((x) => conv.isSuccess(x.val)) : conv.failureName === 'INVALID_SOCKET';
      if (!success) continue;
      if (e.st.lenWritten & b || e.st.isnull & b) continue;
      if (!once.first(String(e.node.id))) continue;
      out.push({
        rule: 'callee-len-not-set',
        start: e.node.startIndex,
        end: e.node.endIndex,
        message: `${c.fn.name} returns success here but ${name}->len was never written on this path; set it to the length of the data passed back (0 when none)`,
        steps: pathTo(c, e, [], e.node.startIndex, `returns success with ${name}->len unwritten`),
        fix: { kind: 'set-callee-len', returnOffset: e.node.startIndex, calleeParam: name },
      });
    }
    return out;
  },
};
