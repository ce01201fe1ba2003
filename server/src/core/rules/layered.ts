import type { Node } from 'web-tree-sitter';
import { argsOf, strip } from '../flow/eval';
import { contractByProcEntry } from '../spec/contracts';
import { bit } from '../flow/state';
import { conventionOf } from './convention';
import { Once, paramName, type ImplCheck, type RawFinding, type Rule } from './rule';

/** Calls through a proc table to the lower provider: `Ctx->NextProcTable.lpWSPConnect(...)`. */
export function lowerCalls(body: Node): Array<{ call: Node; entry: string; args: Node[] }> {
  const out: Array<{ call: Node; entry: string; args: Node[] }> = [];
  for (const call of body.descendantsOfType('call_expression')) {
    const f = call?.childForFieldName('function');
    if (!call || f?.type !== 'field_expression') continue;
    const entry = f.childForFieldName('field')?.text ?? '';
    if (contractByProcEntry(entry)) out.push({ call, entry, args: argsOf(call) });
  }
  return out;
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
    if (sock < 0 || !c.run.calls('WPUCreateSocketHandle')) return [];
    const name = paramName(c, sock);
    const lower = lowerCalls(c.fn.body);
    const lowerIds = new Set(lower.map((l) => l.call.id));
    const lookedUp = c.fn.body.descendantsOfType('call_expression').some((call) =>
      !!call && !lowerIds.has(call.id) && argsOf(call).some((a) => strip(a)?.text === name));
    if (!lookedUp) return [];
    const out: RawFinding[] = [];
    for (const l of lower) {
      const first = strip(l.args[0] ?? null);
      if (first?.type !== 'identifier' || first.text !== name) continue;
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
      if (!arg || arg.type !== 'pointer_expression' || arg.childForFieldName('operator')?.text !== '&') continue;
      const local = strip(arg.childForFieldName('argument'));
      if (local?.type !== 'identifier') continue;
      // Copied back somewhere; but is it on every path where the lower call failed?
      if (copiedBack(c.fn.body, errno, local.text) && !failsUncopied(c, l.call)) continue;
      if (!once.first(`${l.call.id}`)) continue;
      out.push({
        rule: 'lower-errno-not-propagated',
        start: arg.startIndex,
        end: arg.endIndex,
        message: `${l.entry} reports its error into ${local.text}, which is never copied back to *${errno}: when it fails, the caller gets no error code`,
        steps: [{ file: c.fn.file, offset: l.call.startIndex, message: `the lower provider's error goes to ${local.text}` }],
      });
    }
    return out;
  },
};

function copiedBack(body: Node, errno: string, local: string): boolean {
  return body.descendantsOfType('assignment_expression').some((a) => {
    const left = strip(a?.childForFieldName('left') ?? null);
    const right = a?.childForFieldName('right');
    return !!left && left.type === 'pointer_expression' && strip(left.childForFieldName('argument'))?.text === errno && !!right && new RegExp(`\\b${local}\\b`).test(right.text);
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
