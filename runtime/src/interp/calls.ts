/** Calls: the file's own functions first, then the C library helpers, then the socket interface. */
import type { Expr } from './ast';
import { SOCKET_BINDINGS } from './bindings';
import { BUILTINS } from './builtins';
import { rvalue } from './evaluate';
import { callUser } from './exec';
import type { Machine } from './machine';
import type { Value } from './values';
import { RunStop } from './values';

export async function callFunction(m: Machine, e: Extract<Expr, { k: 'call' }>): Promise<Value> {
  const args: Value[] = [];
  for (const a of e.args) args.push(await rvalue(m, a));
  m.line = e.line;
  if (m.lookup(e.callee)) throw new RunStop(`not supported: call through the function pointer "${e.callee}"`, e.line);
  const user = m.program.functions.get(e.callee);
  if (user) return callUser(m, user, args, e.line);
  const builtin = BUILTINS.get(e.callee);
  if (builtin) return builtin(m, args, e);
  const socket = SOCKET_BINDINGS.get(e.callee);
  if (socket) return socket(m, args, e);
  if (m.program.functionMacros.has(e.callee)) {
    throw new RunStop(`${e.callee} is a function-like macro; the interpreter does not expand those`, e.line);
  }
  throw new RunStop(`call to unknown function ${e.callee}`, e.line);
}
