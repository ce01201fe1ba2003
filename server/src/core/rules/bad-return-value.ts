import { constName } from '../flow/state';
import { conventionOf } from './convention';
import { Once, pathTo, type ImplCheck, type RawFinding, type Rule } from './rule';

/** "If no error occurs, LPWSPConnect returns zero. Otherwise, it returns SOCKET_ERROR" (each function its own convention). */
export const badReturnValue: Rule = {
  id: 'bad-return-value',
  check(c: ImplCheck): RawFinding[] {
    const out: RawFinding[] = [];
    const once = new Once();
    const conv = conventionOf(c.contract);
    for (const e of c.events) {
      if (e.kind !== 'return' || !e.cands) continue;
      const bad = e.cands.find((x) => !conv.isAllowed(x.val));
      if (!bad || !once.first(String(e.node.id))) continue;
      const what = constName(bad.val);
      const isCode = /^WSA/.test(what);
      out.push({
        rule: 'bad-return-value',
        start: e.node.startIndex,
        end: e.node.endIndex,
        message: `${c.fn.name} returns ${what}${bad.steps.length ? ' (from a helper)' : ''}: it must return ${conv.describe}` +
          (isCode && c.errno !== null ? `, with ${what} stored in *${(c.errno !== null && c.fn.params[c.errno]?.name) || 'lpErrno'}` : ''),
        steps: pathTo(c, e, bad.steps, e.node.startIndex, `returns ${what}`),
      });
    }
    return out;
  },
};
