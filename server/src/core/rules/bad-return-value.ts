import { constName } from '../flow/state';
import { Once, pathTo, type ImplCheck, type RawFinding, type Rule } from './rule';

/** "If no error occurs, LPWSPConnect returns zero. Otherwise, it returns SOCKET_ERROR". */
export const badReturnValue: Rule = {
  id: 'bad-return-value',
  check(c: ImplCheck): RawFinding[] {
    const out: RawFinding[] = [];
    const once = new Once();
    for (const e of c.events) {
      if (e.kind !== 'return' || !e.cands) continue;
      const bad = e.cands.find((x) => x.val.k === 'const' && x.val.num !== 0 && x.val.num !== -1 && !(x.val.name === 'SOCKET_ERROR' || x.val.name === 'NO_ERROR' || x.val.name === 'ERROR_SUCCESS'));
      if (!bad || !once.first(String(e.node.id))) continue;
      const what = constName(bad.val);
      const isCode = /^WSA/.test(what);
      out.push({
        rule: 'bad-return-value',
        start: e.node.startIndex,
        end: e.node.endIndex,
        message: `${c.fn.name} returns ${what}${bad.steps.length ? ' (from a helper)' : ''}: it must return 0 on success or SOCKET_ERROR on failure` +
          (isCode ? `, with ${what} stored in *${c.fn.params[c.role.errno]?.name || 'lpErrno'}` : ''),
        steps: pathTo(c, e, bad.steps, e.node.startIndex, `returns ${what}`),
      });
    }
    return out;
  },
};
