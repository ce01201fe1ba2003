import type { Node } from 'web-tree-sitter';
import { field, memo, parentOf, textOf, typeOf } from '../flow/node-cache';
import { argsOf, strip } from '../flow/eval';
import { someNamedDescendant } from '../flow/walk';
import { contractByProcEntry } from '../spec/contracts';
import { bit } from '../flow/state';
import { conventionOf } from './convention';
import type { Run } from '../model/run';
import { Once, paramName, type ImplCheck, type RawFinding, type Rule } from './rule';

const CALL: ReadonlySet<string> = new Set(['call_expression']);

/** Calls through a proc table to the lower provider: `Ctx->NextProcTable.lpWSPConnect(...)`. */
export function lowerCalls(body: Node): Array<{ call: Node; entry: string; args: Node[] }> {
  return memo(body, 'lowerCalls', () => findLowerCalls(body));
}

function findLowerCalls(body: Node): Array<{ call: Node; entry: string; args: Node[] }> {
  const text = textOf(body);
  // Every proc-table entry is named lpWSP...: a body that never says so makes no such call.
  if (!text.includes('lpWSP')) return [];
  // Only where the body says lpWSP can such a call be: ask for the token there, rather than for every
  // call of the body. A place that is not inside a token (a parse error?) sends us the long way.
  const calls: Node[] = [];
  for (let at = text.indexOf('lpWSP'); at >= 0; at = text.indexOf('lpWSP', at + 1)) {
    const offset = body.startIndex + at;
    const token = body.descendantForIndex(offset);
    if (!token) return everyLowerCall(body);
    if (typeOf(token) === 'field_identifier' && token.startIndex === offset) {
      const call = calledThrough(token);
      if (call) calls.push(call);
    } else if (token.childCount > 0) return everyLowerCall(body);
  }
  // In the order of the body, as descendantsOfType gives them (an enclosing call first).
  calls.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const out: Array<{ call: Node; entry: string; args: Node[] }> = [];
  for (const call of calls) {
    const entry = textOf(field(field(call, 'function'), 'field')) ?? '';
    if (contractByProcEntry(entry)) out.push({ call, entry, args: argsOf(call) });
  }
  return out;
}

/** The call `x->name(...)` whose callee's field is this identifier, if it is one. */
function calledThrough(name: Node): Node | null {
  const fe = parentOf(name);
  if (!fe || typeOf(fe) !== 'field_expression' || field(fe, 'field')?.id !== name.id) return null;
  const call = parentOf(fe);
  return call && typeOf(call) === 'call_expression' && field(call, 'function')?.id === fe.id ? call : null;
}

function everyLowerCall(body: Node): Array<{ call: Node; entry: string; args: Node[] }> {
  const out: Array<{ call: Node; entry: string; args: Node[] }> = [];
  for (const call of body.descendantsOfType('call_expression')) {
    const f = field(call, 'function');
    if (!call || typeOf(f) !== 'field_expression') continue;
    const entry = textOf(field(f, 'field')) ?? '';
    if (contractByProcEntry(entry)) out.push({ call, entry, args: argsOf(call) });
  }
  return out;
}

const ownHandles = new WeakMap<Run, boolean>();

/**
 * Some file of the run calls WPUCreateSocketHandle. Asked for every implementation, answered by a search
 * of every file's text: kept per run (a run's texts never change), or a tree costs files x functions.
 */
function makesOwnHandles(run: Run): boolean {
  let v = ownHandles.get(run);
  if (v === undefined) ownHandles.set(run, (v = run.calls('WPUCreateSocketHandle')));
  return v;
}

/**
 * A layered provider's sockets are its own handles; the lower provider knows only the socket it
 * created ("the one from the socket context"). Passing the application's handle down is reported when
 * the provider makes its own handles (WPUCreateSocketHandle: a non-IFS provider, so the two differ) and
 * the function did look up its context for that handle. An IFS provider hands out the lower handle
 * itself, and passing it down is right.
 */
export const lowerSocketHandle: Rule = {
  id: 'lower-socket-handle',
  check(c: ImplCheck): RawFinding[] {
    const sock = c.contract.params.findIndex((p) => p.name === 's' && /SOCKET/.test(p.type));
    if (sock < 0 || !makesOwnHandles(c.run)) return [];
    const name = paramName(c, sock);
    const lower = lowerCalls(c.fn.body);
    if (lower.length === 0) return [];
    const lowerIds = new Set(lower.map((l) => l.call.id));
    const lookedUp = someNamedDescendant(c.fn.body, CALL, (call) => !lowerIds.has(call.id) && argsOf(call).some((a) => textOf(strip(a)) === name));
    if (!lookedUp) return [];
    const out: RawFinding[] = [];
    for (const l of lower) {
      const first = strip(l.args[0] ?? null);
      if (!first || typeOf(first) !== 'identifier' || textOf(first) !== name) continue;
      out.push({
        rule: 'lower-socket-handle',
        start: first.startIndex,
        end: first.endIndex,
        message: `${l.entry} is called with ${name}, the handle the application passed in; the lower provider expects its own socket (the one kept in the socket context)`,
        steps: [{ file: c.fn.file, offset: l.call.startIndex, message: `call to the lower provider's ${l.entry}` }],
      });
    }
    return out;
  },
};

/**
 * The lower provider reports its error through the lpErrno it is given; a provider that gives it a
 * local must copy that local back into its own *lpErrno, or the caller sees no error code.
 */
export const lowerErrnoNotPropagated: Rule = {
  id: 'lower-errno-not-propagated',
  check(c: ImplCheck): RawFinding[] {
    if (c.errno === null) return [];
    const errno = paramName(c, c.errno);
    const out: RawFinding[] = [];
    const once = new Once();
    // The forwarded call (WSPConnect -> lpWSPConnect) decides the outcome; scratch errors of clean-up
    // calls (closing a helper socket) are rightly dropped.
    for (const l of lowerCalls(c.fn.body).filter((x) => x.entry === c.contract.procEntry)) {
      const at = contractByProcEntry(l.entry)?.params.findIndex((p) => p.name === 'lpErrno') ?? -1;
      const arg = strip(l.args[at] ?? null);
      if (!arg || typeOf(arg) !== 'pointer_expression' || textOf(field(arg, 'operator')) !== '&') continue;
      const local = strip(field(arg, 'argument'));
      if (!local || typeOf(local) !== 'identifier') continue;
      // Copied back somewhere; but is it on every path where the lower call failed?
      if (copiedBack(c.fn.body, errno, textOf(local)) && !failsUncopied(c, l.call)) continue;
      if (!once.first(`${l.call.id}`)) continue;
      out.push({
        rule: 'lower-errno-not-propagated',
        start: arg.startIndex,
        end: arg.endIndex,
        message: `${l.entry} reports its error into ${textOf(local)}, which is never copied back to *${errno}: when it fails, the caller gets no error code`,
        steps: [{ file: c.fn.file, offset: l.call.startIndex, message: `the lower provider's error goes to ${textOf(local)}` }],
      });
    }
    return out;
  },
};

function copiedBack(body: Node, errno: string, local: string): boolean {
  return body.descendantsOfType('assignment_expression').some((a) => {
    const left = strip(field(a, 'left') ?? null);
    const right = field(a, 'right');
    return !!left && typeOf(left) === 'pointer_expression' && textOf(strip(field(left, 'argument'))) === errno && !!right && new RegExp(`\\b${local}\\b`).test(textOf(right));
  });
}

/** A failure return reached after this lower call failed, with *lpErrno still unwritten on that path. */
function failsUncopied(c: ImplCheck, call: Node): boolean {
  const errno = c.errno;
  if (errno === null) return false;
  const conv = conventionOf(c.contract);
  return c.events.some((e) => {
    if (e.kind !== 'return' || !e.cands?.some((x) => conv.isFailure(x.val)) || e.st.written & bit(errno)) return false;
    for (let s = e.st.steps; s; s = s.prev) if (s.step.offset === call.startIndex && / fails /.test(s.step.message)) return true;
    return false;
  });
}
