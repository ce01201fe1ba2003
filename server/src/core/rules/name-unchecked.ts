import { bit } from '../flow/state';
import { Once, paramName, pathTo, type ImplCheck, type RawFinding, type Rule } from './rule';

/**
 * WSAEFAULT: "The name or the namelen parameter is not a valid part of the user address space, the
 * namelen parameter is too small". Before name is read or copied, it must be checked for NULL and
 * namelen against the size the provider needs. Handing both to the lower provider untouched is fine.
 */
export const nameUnchecked: Rule = {
  id: 'name-unchecked',
  check(c: ImplCheck): RawFinding[] {
    const k = c.connect;
    if (!k) return [];
    const out: RawFinding[] = [];
    const once = new Once();
    const nb = bit(k.name);
    const lb = bit(k.namelen);
    const name = paramName(c, k.name);
    const namelen = paramName(c, k.namelen);
    for (const e of c.events) {
      if (e.kind !== 'deref' || e.param !== k.name) continue;
      if (e.st.used & nb) continue;
      const nullOk = (e.st.nonnull & nb) !== 0;
      const lenOk = (e.st.compared & lb) !== 0;
      if (nullOk && lenOk) continue;
      if (!once.first(`${e.node.id}`)) continue;
      const missing = [!nullOk ? `${name} checked for NULL` : '', !lenOk ? `${namelen} checked against the size it needs` : ''].filter(Boolean).join(' and ');
      out.push({
        rule: 'name-unchecked',
        start: e.node.startIndex,
        end: e.node.endIndex,
        message: `${name} is ${e.via ? `used by ${e.via}()` : e.access === 'write' ? 'written' : 'used'} here before ${missing} (the spec's WSAEFAULT case)`,
        steps: pathTo(c, e, e.extra, e.node.startIndex, `${name} used before ${missing}`),
        fix: {
          kind: 'add-name-check',
          bodyOpenOffset: c.fn.body.startIndex,
          nameParam: name,
          namelenParam: namelen,
          errnoParam: paramName(c, k.errno),
        },
      });
    }
    return out;
  },
};
