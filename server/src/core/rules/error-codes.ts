import type { Node } from 'web-tree-sitter';
import { type Cand } from '../flow/state';
import { POSIX_ERRNO } from '../model/constants';
import { errorCode, isDocumentedFor } from '../spec/contracts';
import { documentedReplacement } from './code-map';
import { Once, paramName, pathTo, type ImplCheck, type RawFinding, type Rule } from './rule';
import { strip } from '../flow/eval';

/**
 * Codes that ws2_32 itself expects from providers although the function's page does not list them:
 * still outside the contract, reported at a lower severity with that explanation.
 */
const TOLERATED: Record<string, string> = {
  WSAEHOSTUNREACH: 'ws2_32 and applications handle it from providers, but the WSPConnect page does not list it (WSAENETUNREACH is the documented code)',
};

type Verdict = { rule: 'undocumented-error' | 'non-wsa-error'; code: string; why: string; replacement: string | null; tolerated: boolean } | null;

export function judgeCode(fn: string, cand: Cand): Verdict {
  const v = cand.val;
  if (v.k !== 'const') return null;
  const name = v.name;
  if (v.num === 0 && (!name || ['NO_ERROR', 'ERROR_SUCCESS', 'STATUS_SUCCESS', 'NULL', 'FALSE', 'S_OK'].includes(name) || /^\d/.test(name))) return null;
  if (name && /^WSA/.test(name)) {
    if (!errorCode(name)) return { rule: 'non-wsa-error', code: name, why: `${name} is not a Windows Sockets error code`, replacement: null, tolerated: false };
    if (isDocumentedFor(fn, name)) return null;
    const tolerated = name in TOLERATED;
    return {
      rule: 'undocumented-error',
      code: name,
      why: tolerated ? `${name} is not in ${fn}'s documented list: ${TOLERATED[name]}` : `${name} is not one of the codes ${fn} documents`,
      replacement: documentedReplacement(fn, name),
      tolerated,
    };
  }
  if (name && (POSIX_ERRNO.has(name) || /^(ERROR|STATUS)_/.test(name) || ['SOCKET_ERROR', 'INVALID_SOCKET', 'TRUE', 'FALSE'].includes(name))) {
    const kind = POSIX_ERRNO.has(name) ? 'a POSIX errno value' : /^ERROR_/.test(name) ? 'a Win32 error code' : /^STATUS_/.test(name) ? 'an NTSTATUS' : 'a return value, not an error code';
    return { rule: 'non-wsa-error', code: name, why: `${name} is ${kind}`, replacement: documentedReplacement(fn, name), tolerated: false };
  }
  if (!name && v.num !== undefined) {
    const known = errorCode(v.num);
    const replacement = known && isDocumentedFor(fn, known.name) ? known.name : null;
    return { rule: 'non-wsa-error', code: String(v.num), why: known ? `the raw number ${v.num} (write ${known.name})` : `${v.num} is not a Windows Sockets error code`, replacement, tolerated: false };
  }
  return null;
}

/**
 * "...a specific error code is available in lpErrno", from the documented list; and it must be a
 * WSA code: POSIX names, raw numbers, Win32/NTSTATUS codes and SOCKET_ERROR are not.
 */
function codeRule(id: 'undocumented-error' | 'non-wsa-error'): Rule {
  return {
    id,
    check(c: ImplCheck): RawFinding[] {
      const out: RawFinding[] = [];
      const once = new Once();
      const errno = c.errno;
      if (errno === null) return id === 'undocumented-error' ? returnedCodes(c) : [];
      const pname = paramName(c, errno);
      for (const e of c.events) {
        if (e.kind !== 'store' || e.param !== errno || e.field !== null || !e.cands) continue;
        const bad = e.cands.map((x) => ({ cand: x, v: judgeCode(c.contract.name, x) })).filter((x) => x.v?.rule === id);
        if (bad.length === 0 || !once.first(`${e.node.id}`)) continue;
        const first = bad[0];
        const codes = [...new Set(bad.map((b) => b.v!.code))];
        const source = e.via ? ` (through ${e.via})` : first.cand.steps.length ? ` (returned by a helper)` : '';
        const steps = pathTo(c, e, [...e.extra, ...first.cand.steps], e.node.startIndex, `*${pname} receives ${codes.join(' or ')}`);
        const literal = !e.via && first.cand.steps.length === 0 ? rhsOf(e.node) : null;
        out.push({
          rule: id,
          start: e.node.startIndex,
          end: e.node.endIndex,
          severity: bad.every((b) => b.v!.tolerated) ? 'info' : undefined,
          message: `*${pname} is set to ${codes.join(', ')}${source}: ${first.v!.why}` + (first.v!.replacement ? `; use ${first.v!.replacement}` : ''),
          steps,
          fix: literal ? { kind: 'replace-code', startOffset: literal.startIndex, endOffset: literal.endIndex, replacement: first.v!.replacement } : undefined,
        });
      }
      return out;
    },
  };
}

function rhsOf(n: Node): Node | null {
  if (n.type !== 'assignment_expression') return null;
  const r = strip(n.childForFieldName('right'));
  return r && (r.type === 'identifier' || r.type === 'number_literal') ? r : null;
}

export const undocumentedError = codeRule('undocumented-error');
export const nonWsaError = codeRule('non-wsa-error');

/** WSPStartup returns its error code itself: each WSA code it returns must be one it documents. */
function returnedCodes(c: ImplCheck): RawFinding[] {
  const out: RawFinding[] = [];
  const once = new Once();
  for (const e of c.events) {
    if (e.kind !== 'return' || !e.cands) continue;
    const bad = e.cands.map((x) => ({ cand: x, v: judgeCode(c.contract.name, x) })).filter((x) => x.v?.rule === 'undocumented-error');
    if (bad.length === 0 || !once.first(`${e.node.id}`)) continue;
    const codes = [...new Set(bad.map((b) => b.v!.code))];
    out.push({
      rule: 'undocumented-error',
      start: e.node.startIndex,
      end: e.node.endIndex,
      message: `${c.fn.name} returns ${codes.join(', ')}: ${bad[0].v!.why}`,
      steps: pathTo(c, e, bad[0].cand.steps, e.node.startIndex, `returns ${codes.join(' or ')}`),
    });
  }
  return out;
}
