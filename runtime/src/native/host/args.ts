/**
 * Argument checks the host stack makes before Node is asked: Node takes addresses as strings, so a
 * NULL, short or foreign-family sockaddr never reaches the OS, and the answer comes from the SPI
 * pages' WSAEFAULT / WSAEAFNOSUPPORT rows instead.
 */
import type { SockAddr } from '../../net/address';
import { decodeSockAddr, ipToString, sockaddrSize } from '../../net/address';
import { AF_INET } from '../../spec/winsock-constants';
import type { InBuf, OutBuf } from '../../stack/stack';

export type NameCheck = { ok: true; addr: SockAddr } | { ok: false; error: string; detail: string };

export function readName(family: number, name: InBuf, what: string): NameCheck {
  if (name.kind === 'null') return { ok: false, error: 'WSAEFAULT', detail: `${what} is NULL` };
  if (name.kind === 'fault') return { ok: false, error: 'WSAEFAULT', detail: `${what} is not a valid part of the user address space` };
  const d = decodeSockAddr(name.bytes);
  if (!d.ok && (d.reason === 'short' || d.family === -1)) {
    return { ok: false, error: 'WSAEFAULT', detail: `the length (${name.bytes.length}) is smaller than a sockaddr of this family (${sockaddrSize(family)})` };
  }
  if (!d.ok || d.addr.family !== family) {
    const got = d.ok ? d.addr.family : d.family;
    return { ok: false, error: 'WSAEAFNOSUPPORT', detail: `address family ${got} cannot be used with this family-${family} socket` };
  }
  return { ok: true, addr: d.addr };
}

/** The address as Node wants it: `127.0.0.1`, `::1`, with the IPv6 scope when there is one. */
export function nodeHost(addr: SockAddr): string {
  const ip = ipToString(addr.ip);
  return addr.family !== AF_INET && addr.scopeId !== 0 ? `${ip}%${addr.scopeId}` : ip;
}

/** A checked output buffer: capacity, or the WSAEFAULT that rejects it. */
export function outCapacity(out: OutBuf, need: number, what: string): { ok: true } | { ok: false; error: string; detail: string } {
  if (out.kind === 'null') return { ok: false, error: 'WSAEFAULT', detail: `${what} is NULL` };
  if (out.kind === 'fault') return { ok: false, error: 'WSAEFAULT', detail: `${what} is not a valid part of the user address space` };
  if (out.capacity < need) return { ok: false, error: 'WSAEFAULT', detail: `${what} has room for ${out.capacity} bytes, ${need} are needed` };
  return { ok: true };
}

export function int32Bytes(v: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, v, true);
  return out;
}

/** The int an option value holds (a BOOL or DWORD), or null when fewer than 4 bytes were given. */
export function readInt32(value: InBuf): number | null {
  if (value.kind !== 'bytes' || value.bytes.length < 4) return null;
  return new DataView(value.bytes.buffer, value.bytes.byteOffset, 4).getInt32(0, true);
}

/** Concatenates received chunks and takes `n` bytes from the front (without consuming when peeking). */
export function takeBytes(chunks: Uint8Array[], n: number, peek: boolean): Uint8Array {
  const out = new Uint8Array(Math.min(n, chunks.reduce((a, c) => a + c.length, 0)));
  let at = 0;
  let i = 0;
  while (at < out.length) {
    const c = chunks[i];
    const take = Math.min(c.length, out.length - at);
    out.set(c.subarray(0, take), at);
    at += take;
    if (!peek) {
      if (take === c.length) {
        chunks.splice(i, 1);
        continue;
      }
      chunks[i] = c.subarray(take);
    }
    i++;
  }
  return out;
}
