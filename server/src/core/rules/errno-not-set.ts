import { bit, type Step } from '../flow/state';
import { isDocumentedFor } from '../spec/contracts';
import { conventionOf } from './convention';
import { Once, paramName, pathTo, type ImplCheck, type RawFinding, type Rule } from './rule';

/**
 * "Otherwise, it returns SOCKET_ERROR, and a specific error code is available in lpErrno." (and the
 * same for INVALID_SOCKET / FALSE in the functions that return those). Every failing path must have
 * written *lpErrno (directly, through an alias, or by
 * handing lpErrno to code that writes it).
 */
export const errnoNotSet: Rule = {
  id: 'errno-not-set',
  check(c: ImplCheck): RawFinding[] {
    const out: RawFinding[] = [];
    const once = new Once();
    const conv = conventionOf(c.contract);
    const errno = c.errno;
      if (errno === null) return [];
    const name = paramName(c, errno);
    for (const e of c.events) {
      if (e.kind !== 'return' || !e.cands) continue;
      if (e.st.written & bit(errno) || e.st.isnull & bit(errno)) continue;
      const bad = e.cands.find((x) => conv.isFailure(x.val));
      if (!bad || !once.first(String(e.node.id))) continue;
      const steps = pathTo(c, e, bad.steps, e.node.startIndex, `returns ${conv.failureName}; *${name} was not written on this path`);
      out.push({
        rule: 'errno-not-set',
        start: e.node.startIndex,
        end: e.node.endIndex,
        message: `${c.fn.name} returns ${conv.failureName} here without setting *${name} on the path ${describe(steps)}; the caller will report a stale error`,
        steps,
        fix: { kind: 'set-errno-before-return', returnOffset: e.node.startIndex, errnoParam: name, suggested: documentedOrNull(c.contract.name, suggestCode(steps)) },
      });
    }
    return out;
  },
};

function describe(steps: Step[]): string {
  const decisive = steps.filter((s) => / is (true|false)$|^goto |^case |^calls /.test(s.message)).slice(-3);
  return decisive.length ? `(${decisive.map((s) => s.message).join(' → ')})` : 'from the function entry';
}

/** The documented code that fits the failure the path reacts to: judged on the last decision only. */
export function suggestCode(steps: Step[]): string | null {
  const decisive = [...steps].reverse().find((s) => / is (true|false)$|^case |^calls |\(\) fails/.test(s.message));
  if (!decisive) return null;
  const m = decisive.message;
  if (/context|\bctx\b|lookup|find\w*sock|getsocket|sock\w* == NULL|!\s*sock|handle/i.test(m)) return 'WSAENOTSOCK';
  if (/family/i.test(m)) return 'WSAEAFNOSUPPORT';
  if (/\bnamelen\b|\bname\b|sockaddr|addrlen/i.test(m)) return 'WSAEFAULT';
  if (/alloc|malloc|\bnew\b|buffer|memory/i.test(m)) return 'WSAENOBUFS';
  if (/listen/i.test(m)) return 'WSAEINVAL';
  if (/connected|isconn/i.test(m)) return 'WSAEISCONN';
  if (/callerdata/i.test(m)) return 'WSAEPROTONOSUPPORT';
  if (/qos/i.test(m)) return 'WSAEOPNOTSUPP';
  return null;
}

function documentedOrNull(fn: string, code: string | null): string | null {
  return code && isDocumentedFor(fn, code) ? code : null;
}
