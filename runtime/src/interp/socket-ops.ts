/** Each socket operation once, for both the SPI function and its API twin (they differ in Mode only). */
import { INT, SOCKET_T, UINT } from './ctypes';
import type { Machine } from './machine';
import {
  addrOf,
  inBuf,
  num,
  outBufWithLength,
  ptrArg,
  readCallerData,
  readFdSet,
  readQos,
  readTimeval,
  readWsabufs,
  scatter,
  sendBuffers,
  writeBytes,
  writeFdSet,
  writeInt32,
} from './marshal';
import type { CallExpr, Mode } from './socket-calls';
import { INVALID_SOCKET_VALUE, SOCKET_ERROR_VALUE, finish } from './socket-calls';
import type { Value } from './values';
import { int } from './values';

const ZERO = int(0);
const NULLV = int(0);

export async function opSocket(m: Machine, c: CallExpr, mode: Mode, af: Value, type: Value, protocol: Value, group: Value, flags: Value): Promise<Value> {
  const r = await m.stack.socket(num(af), num(type), num(protocol), num(group), num(flags));
  return finish(m, c, mode, r, (h) => int(h, SOCKET_T), INVALID_SOCKET_VALUE);
}

export async function opBind(m: Machine, c: CallExpr, mode: Mode, s: Value, name: Value, namelen: Value): Promise<Value> {
  const r = await m.stack.bind(num(s), inBuf(m, name, num(namelen)));
  return finish(m, c, mode, r, () => ZERO, SOCKET_ERROR_VALUE);
}

export async function opListen(m: Machine, c: CallExpr, mode: Mode, s: Value, backlog: Value): Promise<Value> {
  return finish(m, c, mode, await m.stack.listen(num(s), num(backlog)), () => ZERO, SOCKET_ERROR_VALUE);
}

export async function opAccept(m: Machine, c: CallExpr, mode: Mode, s: Value, addr: Value, addrlen: Value, condition: Value): Promise<Value> {
  // Without addrlen nothing is written to addr.
  const { out, lenAddr } = addrOf(addrlen) === 0 ? { out: { kind: 'null' as const }, lenAddr: 0 } : outBufWithLength(m, addr, addrlen);
  const r = await m.stack.accept(num(s), out, addrOf(condition) !== 0);
  return finish(m, c, mode, r, (v) => {
    if (out.kind === 'buffer') {
      writeBytes(m, addrOf(addr), v.addr, out.capacity);
      writeInt32(m, lenAddr, v.addr.length);
    }
    return int(v.socket, SOCKET_T);
  }, INVALID_SOCKET_VALUE);
}

export async function opConnect(
  m: Machine,
  c: CallExpr,
  mode: Mode,
  s: Value,
  name: Value,
  namelen: Value,
  caller: Value = NULLV,
  callee: Value = NULLV,
  sqos: Value = NULLV,
  gqos: Value = NULLV,
): Promise<Value> {
  const calleeBufs = addrOf(callee) === 0 ? null : readWsabufs(m, callee, 1);
  const calleeAddr = addrOf(callee);
  const calleeArg =
    calleeBufs === null
      ? { kind: 'null' as const }
      : calleeBufs.kind === 'fault'
        ? { kind: 'fault' as const }
        : {
            kind: 'buffer' as const,
            capacity: calleeBufs.bufs[0].len,
            // "The lpCalleeData->len will be set to zero if no user data has been passed back."
            deliver: (data: Uint8Array): void => {
              if (!m.mem.valid(calleeAddr, 16)) return;
              const buf = calleeBufs.bufs[0];
              if (data.length > 0 && m.mem.valid(buf.addr, Math.min(buf.len, data.length))) writeBytes(m, buf.addr, data, buf.len);
              m.mem.writeInt(calleeAddr, 4, BigInt(Math.min(buf.len, data.length)));
            },
          };
  const r = await m.stack.connect(num(s), {
    name: inBuf(m, name, num(namelen)),
    callerData: readCallerData(m, caller),
    calleeData: calleeArg,
    sqos: readQos(m, sqos),
    gqos: addrOf(gqos) === 0 ? 'null' : 'given',
  });
  return finish(m, c, mode, r, () => ZERO, SOCKET_ERROR_VALUE);
}

export async function opIoctl(
  m: Machine,
  c: CallExpr,
  mode: Mode,
  s: Value,
  code: Value,
  inPtr: Value,
  inLen: Value,
  outPtr: Value,
  outLen: Value,
  bytesReturned: Value,
): Promise<Value> {
  const outAddr = addrOf(outPtr);
  const cap = num(outLen);
  const out = outAddr === 0 ? { kind: 'null' as const } : m.mem.valid(outAddr, Math.max(cap, 1)) ? { kind: 'buffer' as const, capacity: cap } : { kind: 'fault' as const };
  const r = await m.stack.ioctl(num(s), Number(BigInt.asUintN(32, code.k === 'int' ? code.v : 0n)), inBuf(m, inPtr, num(inLen)), out, ptrArg(m, bytesReturned, 4));
  return finish(m, c, mode, r, (bytes) => {
    writeBytes(m, outAddr, bytes, cap);
    writeInt32(m, addrOf(bytesReturned), bytes.length);
    return ZERO;
  }, SOCKET_ERROR_VALUE);
}

export async function opSetSockOpt(m: Machine, c: CallExpr, mode: Mode, s: Value, level: Value, name: Value, optval: Value, optlen: Value): Promise<Value> {
  const r = await m.stack.setSockOpt(num(s), num(level), num(name), inBuf(m, optval, num(optlen)));
  return finish(m, c, mode, r, () => ZERO, SOCKET_ERROR_VALUE);
}

export async function opGetSockOpt(m: Machine, c: CallExpr, mode: Mode, s: Value, level: Value, name: Value, optval: Value, optlen: Value): Promise<Value> {
  const { out, lenAddr } = outBufWithLength(m, optval, optlen);
  const r = await m.stack.getSockOpt(num(s), num(level), num(name), out);
  return finish(m, c, mode, r, (bytes) => {
    writeBytes(m, addrOf(optval), bytes, bytes.length);
    writeInt32(m, lenAddr, bytes.length);
    return ZERO;
  }, SOCKET_ERROR_VALUE);
}

export async function opSelect(m: Machine, c: CallExpr, mode: Mode, rd: Value, wr: Value, ex: Value, timeout: Value): Promise<Value> {
  const r = await m.stack.select({ read: readFdSet(m, rd), write: readFdSet(m, wr), except: readFdSet(m, ex), timeout: readTimeval(m, timeout) });
  return finish(m, c, mode, r, (v) => {
    // "Upon return, the structures are updated to reflect the subset of these sockets that meet the specified condition."
    writeFdSet(m, rd, v.read);
    writeFdSet(m, wr, v.write);
    writeFdSet(m, ex, v.except);
    return int(v.read.length + v.write.length + v.except.length);
  }, SOCKET_ERROR_VALUE);
}

export async function opEventSelect(m: Machine, c: CallExpr, mode: Mode, s: Value, event: Value, mask: Value): Promise<Value> {
  return finish(m, c, mode, await m.stack.eventSelect(num(s), addrOf(event), num(mask)), () => ZERO, SOCKET_ERROR_VALUE);
}

export async function opEnumNetworkEvents(m: Machine, c: CallExpr, mode: Mode, s: Value, event: Value, out: Value): Promise<Value> {
  const r = await m.stack.enumNetworkEvents(num(s), addrOf(event), ptrArg(m, out, 44));
  return finish(m, c, mode, r, (v) => {
    const at = addrOf(out);
    m.mem.writeInt(at, 4, BigInt(v.events));
    // "Only those elements of the iErrorCode array are set that correspond to the bits set in lNetworkEvents."
    for (let i = 0; i < 10; i++) if (v.events & (1 << i)) m.mem.writeInt(at + 4 + i * 4, 4, BigInt(v.errors[i]));
    return ZERO;
  }, SOCKET_ERROR_VALUE);
}

export async function opAsyncSelect(m: Machine, c: CallExpr, mode: Mode, s: Value, hwnd: Value, msg: Value, mask: Value): Promise<Value> {
  return finish(m, c, mode, await m.stack.asyncSelect(num(s), addrOf(hwnd), num(msg), num(mask)), () => ZERO, SOCKET_ERROR_VALUE);
}

export async function opName(m: Machine, c: CallExpr, mode: Mode, which: 'sock' | 'peer', s: Value, name: Value, namelen: Value): Promise<Value> {
  const { out, lenAddr } = outBufWithLength(m, name, namelen);
  const r = which === 'sock' ? await m.stack.getSockName(num(s), out) : await m.stack.getPeerName(num(s), out);
  return finish(m, c, mode, r, (bytes) => {
    writeBytes(m, addrOf(name), bytes, out.kind === 'buffer' ? out.capacity : 0);
    writeInt32(m, lenAddr, bytes.length);
    return ZERO;
  }, SOCKET_ERROR_VALUE);
}

/** WSPSend/WSASend (count via lpNumberOfBytesSent) and send (count as the return value). */
export async function opSend(m: Machine, c: CallExpr, mode: Mode, s: Value, bufs: Value, count: Value, sent: Value | 'return', flags: Value): Promise<Value> {
  const buffers = sendBuffers(m, readWsabufs(m, bufs, num(count)));
  const r = await m.stack.send(num(s), buffers, num(flags), sent === 'return' ? 'ok' : ptrArg(m, sent, 4));
  return finish(m, c, mode, r, (n) => {
    if (sent === 'return') return int(n);
    writeInt32(m, addrOf(sent), n);
    return ZERO;
  }, SOCKET_ERROR_VALUE);
}

export async function opSendTo(m: Machine, c: CallExpr, mode: Mode, s: Value, bufs: Value, count: Value, sent: Value | 'return', flags: Value, to: Value, tolen: Value): Promise<Value> {
  const buffers = sendBuffers(m, readWsabufs(m, bufs, num(count)));
  const r = await m.stack.sendTo(num(s), buffers, num(flags), inBuf(m, to, num(tolen)), sent === 'return' ? 'ok' : ptrArg(m, sent, 4));
  return finish(m, c, mode, r, (n) => {
    if (sent === 'return') return int(n);
    writeInt32(m, addrOf(sent), n);
    return ZERO;
  }, SOCKET_ERROR_VALUE);
}

/** Receive side; `flags` is a DWORD* for the WSA/WSP forms, a value for recv/recvfrom. */
export async function opRecv(
  m: Machine,
  c: CallExpr,
  mode: Mode,
  s: Value,
  bufs: Value,
  count: Value,
  received: Value | 'return',
  flags: Value | { byValue: Value },
  from?: { name: Value; namelen: Value },
): Promise<Value> {
  const wsabufs = readWsabufs(m, bufs, num(count));
  const flagsAddr = 'byValue' in flags ? 0 : addrOf(flags);
  const flagsOk = 'byValue' in flags || m.mem.valid(flagsAddr, 4);
  const inFlags = 'byValue' in flags ? num(flags.byValue) : flagsOk ? Number(m.mem.readInt(flagsAddr, 4, false)) : 0;
  const capacity = wsabufs.kind === 'fault' ? 'fault' : wsabufs.bufs.reduce((n, b) => n + b.len, 0);
  const receivedArg = !flagsOk ? 'fault' : received === 'return' ? 'ok' : ptrArg(m, received, 4);
  const store = (data: Uint8Array, outFlags: number, fromBytes: Uint8Array | null): void => {
    if (wsabufs.kind === 'ok') scatter(m, wsabufs.bufs, data);
    if (received !== 'return') writeInt32(m, addrOf(received), data.length);
    if (flagsAddr) m.mem.writeInt(flagsAddr, 4, BigInt(outFlags));
    if (from && fromBytes) {
      const { out, lenAddr } = outBufWithLength(m, from.name, from.namelen);
      writeBytes(m, addrOf(from.name), fromBytes, out.kind === 'buffer' ? out.capacity : 0);
      writeInt32(m, lenAddr, fromBytes.length);
    }
  };
  if (from) {
    const { out } = addrOf(from.name) === 0 ? { out: { kind: 'null' as const } } : outBufWithLength(m, from.name, from.namelen);
    const r = await m.stack.recvFrom(num(s), capacity, inFlags, out, receivedArg);
    return finish(m, c, mode, r, (v) => {
      store(v.data, v.flags, v.from);
      return received === 'return' ? int(v.data.length) : ZERO;
    }, SOCKET_ERROR_VALUE, (p) => store(p.data, p.flags, p.from));
  }
  const r = await m.stack.recv(num(s), capacity, inFlags, receivedArg);
  return finish(m, c, mode, r, (v) => {
    store(v.data, v.flags, null);
    return received === 'return' ? int(v.data.length) : ZERO;
  }, SOCKET_ERROR_VALUE, (p) => store(p.data, p.flags, null));
}

export async function opShutdown(m: Machine, c: CallExpr, mode: Mode, s: Value, how: Value): Promise<Value> {
  return finish(m, c, mode, await m.stack.shutdown(num(s), num(how)), () => ZERO, SOCKET_ERROR_VALUE);
}

export async function opClose(m: Machine, c: CallExpr, mode: Mode, s: Value): Promise<Value> {
  return finish(m, c, mode, await m.stack.closeSocket(num(s)), () => ZERO, SOCKET_ERROR_VALUE);
}

/** A single buffer (send/recv's buf, len) as a one-element WSABUF array in scratch memory. */
export function singleBuffer(m: Machine, buf: Value, len: Value): Value {
  const n = num(len);
  // A negative length cannot describe a buffer: the stack sees an invalid lpBuffers (WSAEFAULT).
  if (n < 0) return int(0, UINT);
  const at = m.mem.alloc(16, 8, 'scratch WSABUF');
  m.mem.writeInt(at, 4, BigInt(n));
  m.mem.writeInt(at + 8, 8, BigInt(addrOf(buf)));
  return int(at, UINT);
}

export { INT };
