/**
 * Between the snippet's memory and a Stack: reads pointer arguments into InBuf/OutBuf shapes (a pointer
 * outside every object becomes 'fault', which the stack answers with WSAEFAULT) and writes results back.
 */
import type { FlowSpecArg, InBuf, OutBuf, PtrArg, QosArg } from '../stack/stack';
import type { Machine } from './machine';
import type { Value } from './values';
import { RunStop } from './values';

export function addrOf(v: Value): number {
  if (v.k === 'obj') return v.addr;
  return Number(BigInt.asUintN(64, v.v));
}

export function num(v: Value): number {
  if (v.k === 'obj') throw new RunStop('a structure was passed where a number is expected');
  return Number(v.v);
}

export function inBuf(m: Machine, ptr: Value, length: number): InBuf {
  const addr = addrOf(ptr);
  if (addr === 0) return { kind: 'null' };
  if (length < 0) return { kind: 'bytes', bytes: new Uint8Array(0) };
  if (!m.mem.valid(addr, length)) return { kind: 'fault' };
  return { kind: 'bytes', bytes: m.mem.read(addr, length) };
}

export function ptrArg(m: Machine, ptr: Value, size: number): PtrArg {
  const addr = addrOf(ptr);
  if (addr === 0) return 'null';
  return m.mem.valid(addr, size) ? 'ok' : 'fault';
}

/** A (buffer, in/out length) pair such as name/namelen: capacity comes from `*lenPtr`. */
export function outBufWithLength(m: Machine, buf: Value, lenPtr: Value): { out: OutBuf; lenAddr: number } {
  const lenAddr = addrOf(lenPtr);
  if (lenAddr === 0) return { out: addrOf(buf) === 0 ? { kind: 'null' } : { kind: 'fault' }, lenAddr };
  if (!m.mem.valid(lenAddr, 4)) return { out: { kind: 'fault' }, lenAddr };
  const capacity = Number(m.mem.readInt(lenAddr, 4, true));
  const addr = addrOf(buf);
  if (addr === 0) return { out: { kind: 'null' }, lenAddr };
  if (capacity > 0 && !m.mem.valid(addr, capacity)) return { out: { kind: 'fault' }, lenAddr };
  return { out: { kind: 'buffer', capacity }, lenAddr };
}

export function writeBytes(m: Machine, addr: number, bytes: Uint8Array, capacity: number): void {
  if (addr !== 0 && bytes.length > 0) m.mem.write(addr, bytes.slice(0, Math.max(0, capacity)));
}

export function writeInt32(m: Machine, addr: number, value: number): void {
  if (addr !== 0) m.mem.writeInt(addr, 4, BigInt(value));
}

/** A WSABUF array: each buffer's bytes (for sending) or 'fault'. */
export function readWsabufs(m: Machine, ptr: Value, count: number): { kind: 'ok'; bufs: { addr: number; len: number }[] } | { kind: 'fault' } {
  const base = addrOf(ptr);
  if (base === 0 || count < 0 || !m.mem.valid(base, 16 * Math.max(count, 1))) return { kind: 'fault' };
  const bufs: { addr: number; len: number }[] = [];
  for (let i = 0; i < count; i++) {
    const len = Number(m.mem.readInt(base + i * 16, 4, false));
    const addr = Number(m.mem.readInt(base + i * 16 + 8, 8, false));
    if (len > 0 && !m.mem.valid(addr, len)) return { kind: 'fault' };
    bufs.push({ addr, len });
  }
  return { kind: 'ok', bufs };
}

export function sendBuffers(m: Machine, bufs: ReturnType<typeof readWsabufs>): InBuf[] | 'fault' {
  if (bufs.kind === 'fault') return 'fault';
  return bufs.bufs.map((b) => ({ kind: 'bytes', bytes: b.len > 0 ? m.mem.read(b.addr, b.len) : new Uint8Array(0) }));
}

/** Scatters received bytes over WSABUFs in order. */
export function scatter(m: Machine, bufs: { addr: number; len: number }[], data: Uint8Array): void {
  let at = 0;
  for (const b of bufs) {
    if (at >= data.length) break;
    const n = Math.min(b.len, data.length - at);
    m.mem.write(b.addr, data.slice(at, at + n));
    at += n;
  }
}

/** An fd_set: its socket handles, null for a NULL pointer, 'fault' when unreadable. */
export function readFdSet(m: Machine, ptr: Value): number[] | null | 'fault' {
  const addr = addrOf(ptr);
  if (addr === 0) return null;
  if (!m.mem.valid(addr, 8)) return 'fault';
  const count = Number(m.mem.readInt(addr, 4, false));
  if (count > 64 || !m.mem.valid(addr + 8, Math.max(count, 1) * 8)) return 'fault';
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(Number(m.mem.readInt(addr + 8 + i * 8, 8, false)));
  return out;
}

export function writeFdSet(m: Machine, ptr: Value, handles: number[]): void {
  const addr = addrOf(ptr);
  if (addr === 0) return;
  m.mem.writeInt(addr, 4, BigInt(handles.length));
  handles.forEach((h, i) => m.mem.writeInt(addr + 8 + i * 8, 8, BigInt(h)));
}

export function readTimeval(m: Machine, ptr: Value): { sec: number; usec: number } | null | 'fault' {
  const addr = addrOf(ptr);
  if (addr === 0) return null;
  if (!m.mem.valid(addr, 8)) return 'fault';
  return { sec: Number(m.mem.readInt(addr, 4, true)), usec: Number(m.mem.readInt(addr + 4, 4, true)) };
}

export function readQos(m: Machine, ptr: Value): QosArg {
  const addr = addrOf(ptr);
  if (addr === 0) return { kind: 'null' };
  if (!m.mem.valid(addr, 80)) return { kind: 'fault' };
  const flow = (at: number): FlowSpecArg => ({
    tokenRate: Number(m.mem.readInt(at, 4, false)),
    peakBandwidth: Number(m.mem.readInt(at + 8, 4, false)),
    serviceType: Number(m.mem.readInt(at + 20, 4, false)),
  });
  return { kind: 'qos', sending: flow(addr), receiving: flow(addr + 32), providerSpecificLength: Number(m.mem.readInt(addr + 64, 4, false)) };
}

/** lpCallerData: NULL, unreadable, or the bytes its WSABUF describes. */
export function readCallerData(m: Machine, ptr: Value): InBuf {
  const bufs = addrOf(ptr) === 0 ? null : readWsabufs(m, ptr, 1);
  if (bufs === null) return { kind: 'null' };
  if (bufs.kind === 'fault') return { kind: 'fault' };
  const b = bufs.bufs[0];
  return { kind: 'bytes', bytes: b.len > 0 ? m.mem.read(b.addr, b.len) : new Uint8Array(0) };
}
