/**
 * How a socket call's reply reaches the snippet: SPI functions store the code in `*lpErrno` and return
 * SOCKET_ERROR / INVALID_SOCKET; their API twins set WSAGetLastError instead. Every call is recorded.
 */
import type { Reply } from '../stack/stack';
import { wsaValue } from '../spec/contracts';
import type { Expr } from './ast';
import { INT, SOCKET_T } from './ctypes';
import type { Machine } from './machine';
import { addrOf } from './marshal';
import type { Value } from './values';
import { RunStop, int } from './values';

export type CallExpr = Extract<Expr, { k: 'call' }>;
export type Mode = { kind: 'spi'; errno: Value } | { kind: 'api' };
export const API: Mode = { kind: 'api' };
export const spi = (errno: Value): Mode => ({ kind: 'spi', errno });

export type Binding = (m: Machine, args: Value[], call: CallExpr) => Promise<Value>;

export const SOCKET_ERROR_VALUE: Value = int(-1, INT);
export const INVALID_SOCKET_VALUE: Value = { k: 'int', type: SOCKET_T, v: 0xffffffffffffffffn };

/** Delivered events are stamped with the line of the call during which they happened. */
export function collectEvents(m: Machine, line: number): void {
  for (const ev of m.stack.takeEvents()) m.events.push({ line, ...ev });
}

export function record(m: Machine, call: CallExpr, returned: Value, error: string | null, detail: string): void {
  const r = returned.k === 'int' ? Number(BigInt.asIntN(64, returned.v)) : 0;
  m.calls.push({ line: call.line, call: call.callee, returned: r, error, code: error === null ? null : wsaValue(error), detail });
}

/**
 * Settles a reply: on success returns `onOk(value)`; on failure stores the code (lpErrno or last error),
 * lets `onFail` copy partial data back, and returns `failValue`. A stop ends the run.
 */
export async function finish<T>(
  m: Machine,
  call: CallExpr,
  mode: Mode,
  reply: Reply<T>,
  onOk: (v: T) => Value,
  failValue: Value,
  onFail?: (partial: T) => void,
): Promise<Value> {
  collectEvents(m, call.line);
  if (reply.ok === 'stop') throw new RunStop(reply.message, call.line);
  if (reply.ok) {
    const ret = onOk(reply.value);
    if (mode.kind === 'api') m.lastError = 0;
    record(m, call, ret, null, reply.detail);
    return ret;
  }
  const code = wsaValue(reply.error);
  if (mode.kind === 'spi') {
    const at = addrOf(mode.errno);
    if (!m.mem.valid(at, 4)) throw new RunStop(`${call.callee} failed with ${reply.error} but lpErrno does not point at an int`, call.line);
    m.mem.writeInt(at, 4, BigInt(code));
  } else m.lastError = code;
  if (reply.partial !== undefined && onFail) onFail(reply.partial);
  record(m, call, failValue, reply.error, reply.detail);
  return failValue;
}

export function arity(call: CallExpr, args: Value[], n: number): void {
  if (args.length !== n) throw new RunStop(`${call.callee} takes ${n} argument(s), ${args.length} given`, call.line);
}

export function noOverlapped(call: CallExpr, ...ptrs: (Value | undefined)[]): void {
  if (ptrs.some((p) => p !== undefined && addrOf(p) !== 0)) {
    throw new RunStop(`${call.callee}: overlapped I/O and completion routines are not simulated (pass NULL)`, call.line);
  }
}
