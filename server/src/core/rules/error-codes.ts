import type { Node } from 'web-tree-sitter';
import { field, typeOf, textOf } from '../flow/node-cache';
import type { FlowEvent } from '../flow/events';
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
  WSAEHOSTUNREACH: 'ws2_32 and applications handle it from providers, but the page does not list it (WSAENETUNREACH is the documented code)',
  // The error-codes page names it as what a provider's failed WSPStartup gives the application.
  WSAEPROVIDERFAILEDINIT: 'it is the code the error-codes page gives for a provider that failed to initialize, but the WSPStartup page does not list it',
};

/**
 * WSPGetOverlappedResult: lpErrno gets "the error code ... either of WSPGetOverlappedResult or of the associated
 * overlapped operation", so the codes of the overlapped operations count as documented too.
 */
const OVERLAPPED_OPERATIONS = ['WSPSend', 'WSPSendTo', 'WSPRecv', 'WSPRecvFrom', 'WSPIoctl'];
function operationCode(fn: string, code: string): boolean {
  // Not WSA_IO_PENDING: "If FALSE and the operation is still pending ... lpErrno is WSA_IO_INCOMPLETE".
  return fn === 'WSPGetOverlappedResult' && code !== 'WSA_IO_PENDING' && (code === 'WSA_OPERATION_ABORTED' || OVERLAPPED_OPERATIONS.some((op) => isDocumentedFor(op, code)));
}

type Verdict = { rule: 'undocumented-error' | 'non-wsa-error'; code: string; why: string; replacement: string | null; tolerated: boolean } | null;

// Every path that stores a code asks again about the same few codes: the verdicts are kept (they depend
// on the function and the code only, and nobody changes them).
const verdicts = new Map<string, Verdict>();

export function judgeCode(fn: string, cand: Cand): Verdict {
  const v = cand.val;
  if (v.k !== 'const') return null;
  const key = `${fn}\0${v.num === undefined ? 'u' : v.num}\0${v.name === undefined ? 'u' : `n${v.name}`}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = judgeConst(fn, v);
    verdicts.set(key, verdict);
  }
  return verdict;
}

function judgeConst(fn: string, v: Extract<Cand['val'], { k: 'const' }>): Verdict {
  const name = v.name;
  if (v.num === 0 && (!name || ['NO_ERROR', 'ERROR_SUCCESS', 'STATUS_SUCCESS', 'NULL', 'FALSE', 'S_OK'].includes(name) || /^\d/.test(name))) return null;
  if (name && /^WSA/.test(name)) {
    if (!errorCode(name)) return { rule: 'non-wsa-error', code: name, why: `${name} is not a Windows Sockets error code`, replacement: null, tolerated: false };
    if (isDocumentedFor(fn, name) || operationCode(fn, name)) return null;
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
      const errno = c.errno;
      if (errno === null) return id === 'undocumented-error' ? returnedCodes(c) : [];
      const pname = paramName(c, errno);
      // All the codes a statement can store (a helper may store several), reported once on that statement.
      const byNode = new Map<number, { e: Extract<FlowEvent, { kind: 'store' }>; bad: Array<{ cand: Cand; v: NonNullable<Verdict> }> }>();
      for (const e of c.events) {
        if (e.kind !== 'store' || e.param !== errno || e.field !== null || !e.cands) continue;
        const bad = e.cands.map((x) => ({ cand: x, v: judgeCode(c.contract.name, x) })).filter((x): x is { cand: Cand; v: NonNullable<Verdict> } => x.v?.rule === id);
        if (bad.length === 0) continue;
        const seen = byNode.get(e.node.id);
        if (seen) seen.bad.push(...bad.filter((b) => !seen.bad.some((x) => x.v.code === b.v.code)));
        else byNode.set(e.node.id, { e, bad });
      }
      const out: RawFinding[] = [];
      if (id === 'non-wsa-error') out.push(...win32Stores(c, errno, pname));
      for (const { e, bad } of byNode.values()) {
        const first = bad[0];
        const codes = [...new Set(bad.map((b) => b.v.code))];
        const source = e.via ? ` (through ${e.via})` : first.cand.steps.length ? ` (returned by a helper)` : '';
        const steps = pathTo(c, e, [...e.extra, ...first.cand.steps], e.node.startIndex, `*${pname} receives ${codes.join(' or ')}`);
        const literal = !e.via && first.cand.steps.length === 0 ? rhsOf(e.node) : null;
        // A replacement is only offered for a code written here, not for one a translation table produced.
        const hint = literal && first.v.replacement ? `; use ${first.v.replacement}` : '';
        const why = codes.length > 1 ? `${codes.length > 2 ? 'none of these is' : 'neither is'} ${id === 'undocumented-error' ? `documented for ${c.contract.name}` : 'a Windows Sockets error code'}` : first.v.why;
        out.push({
          rule: id,
          start: e.node.startIndex,
          end: e.node.endIndex,
          severity: bad.every((b) => b.v.tolerated) ? 'info' : undefined,
          message: `*${pname} is set to ${codes.join(', ')}${source}: ${why}${hint}`,
          steps,
          fix: literal ? { kind: 'replace-code', startOffset: literal.startIndex, endOffset: literal.endIndex, replacement: first.v.replacement } : undefined,
        });
      }
      return out;
    },
  };
}

function rhsOf(n: Node): Node | null {
  if (typeOf(n) !== 'assignment_expression') return null;
  const r = strip(field(n, 'right'));
  // Only a code written here as a literal or a macro name; never a variable that holds it.
  return r && (typeOf(r) === 'number_literal' || (typeOf(r) === 'identifier' && /^[A-Z][A-Z0-9_]*$/.test(textOf(r)))) ? r : null;
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

/** `*lpErrno = GetLastError()`: a Win32 error code (ERROR_*) where a WSA code belongs. */
function win32Stores(c: ImplCheck, errno: number, pname: string): RawFinding[] {
  const out: RawFinding[] = [];
  const once = new Once();
  for (const e of c.events) {
    if (e.kind !== 'store' || e.param !== errno || e.field !== null || e.via || typeOf(e.node) !== 'assignment_expression') continue;
    const r = strip(field(e.node, 'right'));
    const fn = typeOf(r) === 'call_expression' ? textOf(field(r, 'function')) : undefined;
    if (fn !== 'GetLastError' && fn !== 'RtlNtStatusToDosError' || !once.first(`${e.node.id}`)) continue;
    out.push({
      rule: 'non-wsa-error',
      start: e.node.startIndex,
      end: e.node.endIndex,
      severity: 'warning',
      message: `*${pname} is set to ${fn}(), a Win32 error code (ERROR_*), not a WSA code: map it to one of the codes ${c.contract.name} documents`,
      steps: pathTo(c, e, [], e.node.startIndex, `*${pname} receives ${fn}()`),
    });
  }
  return out;
}
