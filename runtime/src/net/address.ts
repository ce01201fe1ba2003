/**
 * Socket addresses as the stack sees them: decoded from the bytes of a sockaddr_in / sockaddr_in6
 * (x64 layout: family little-endian, port and address in network order), and back.
 */
import { AF_INET, AF_INET6 } from '../spec/winsock-constants';

export const SOCKADDR_IN_SIZE = 16;
export const SOCKADDR_IN6_SIZE = 28;

export interface SockAddr {
  family: number;
  /** 4 bytes (IPv4) or 16 bytes (IPv6), network order. */
  ip: Uint8Array;
  port: number;
  /** IPv6 only. */
  scopeId: number;
}

export type DecodeResult =
  | { ok: true; addr: SockAddr }
  /** `short`: namelen smaller than the family's sockaddr; `family`: a family the stack does not know. */
  | { ok: false; reason: 'short' | 'family'; family: number };

export function sockaddrSize(family: number): number {
  return family === AF_INET6 ? SOCKADDR_IN6_SIZE : SOCKADDR_IN_SIZE;
}

export function decodeSockAddr(bytes: Uint8Array): DecodeResult {
  if (bytes.length < 2) return { ok: false, reason: 'short', family: -1 };
  const family = bytes[0] | (bytes[1] << 8);
  if (family === AF_INET) {
    if (bytes.length < SOCKADDR_IN_SIZE) return { ok: false, reason: 'short', family };
    return { ok: true, addr: { family, port: (bytes[2] << 8) | bytes[3], ip: bytes.slice(4, 8), scopeId: 0 } };
  }
  if (family === AF_INET6) {
    if (bytes.length < SOCKADDR_IN6_SIZE) return { ok: false, reason: 'short', family };
    const scopeId = (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16) | (bytes[27] << 24)) >>> 0;
    return { ok: true, addr: { family, port: (bytes[2] << 8) | bytes[3], ip: bytes.slice(8, 24), scopeId } };
  }
  return { ok: false, reason: 'family', family };
}

export function encodeSockAddr(addr: SockAddr): Uint8Array {
  const out = new Uint8Array(sockaddrSize(addr.family));
  out[0] = addr.family & 0xff;
  out[1] = addr.family >> 8;
  out[2] = addr.port >> 8;
  out[3] = addr.port & 0xff;
  if (addr.family === AF_INET) out.set(addr.ip, 4);
  else {
    out.set(addr.ip, 8);
    out[24] = addr.scopeId & 0xff;
    out[25] = (addr.scopeId >> 8) & 0xff;
    out[26] = (addr.scopeId >> 16) & 0xff;
    out[27] = (addr.scopeId >>> 24) & 0xff;
  }
  return out;
}

export function isAllZero(ip: Uint8Array): boolean {
  return ip.every((b) => b === 0);
}

export function isLoopback(ip: Uint8Array): boolean {
  if (ip.length === 4) return ip[0] === 127;
  return ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1;
}

export function isMulticast(ip: Uint8Array): boolean {
  return ip.length === 4 ? ip[0] >= 224 && ip[0] <= 239 : ip[0] === 0xff;
}

export function sameIp(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function sameAddr(a: SockAddr, b: SockAddr): boolean {
  return a.family === b.family && a.port === b.port && sameIp(a.ip, b.ip);
}

export function ipToString(ip: Uint8Array): string {
  if (ip.length === 4) return Array.from(ip).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip[i] << 8) | ip[i + 1]);
  // Longest run of zero groups becomes "::" (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

export function formatAddr(addr: SockAddr): string {
  const ip = ipToString(addr.ip);
  return addr.family === AF_INET6 ? `[${ip}]:${addr.port}` : `${ip}:${addr.port}`;
}

/** Dotted-quad IPv4 (four decimal parts only), or null. */
export function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return Uint8Array.from(parts.map(Number));
}

export function parseIpv6(text: string): Uint8Array | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return null;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const items = s.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseIpv4(item);
        if (!v4) return null;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(item)) out.push(parseInt(item, 16));
      else return null;
    }
    return out;
  };
  const h = parseGroups(head);
  const t = tail === null ? [] : parseGroups(tail);
  if (!h || !t) return null;
  const missing = 8 - h.length - t.length;
  if (tail === null ? missing !== 0 : missing < 1) return null;
  const groups = [...h, ...new Array<number>(tail === null ? 0 : missing).fill(0), ...t];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

export function parseIp(text: string): Uint8Array | null {
  return parseIpv4(text) ?? parseIpv6(text);
}

/** True when `ip` lies in `net`/`prefix`. */
export function inPrefix(ip: Uint8Array, net: Uint8Array, prefix: number): boolean {
  if (ip.length !== net.length) return false;
  for (let bit = 0; bit < prefix; bit++) {
    const mask = 0x80 >> bit % 8;
    if ((ip[bit >> 3] & mask) !== (net[bit >> 3] & mask)) return false;
  }
  return true;
}

/** The all-ones host part of an IPv4 prefix (its directed broadcast address). */
export function directedBroadcast(net: Uint8Array, prefix: number): Uint8Array {
  const out = Uint8Array.from(net);
  for (let bit = prefix; bit < 32; bit++) out[bit >> 3] |= 0x80 >> bit % 8;
  return out;
}
