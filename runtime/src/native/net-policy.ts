/**
 * Which addresses a native run may send traffic to. A snippet is code from a file the user opened,
 * so by default a native run only reaches loopback; `--allow-net` (a setting in the editor) widens it
 * to listed prefixes or to everything.
 */
import type { SockAddr } from '../net/address';
import { formatAddr, inPrefix, isAllZero, isLoopback, parseIp } from '../net/address';

export interface NetPolicy {
  /** Every address may be reached. */
  any: boolean;
  /** Prefixes reachable besides loopback. */
  prefixes: { ip: Uint8Array; prefix: number; text: string }[];
}

export const LOOPBACK_ONLY: NetPolicy = { any: false, prefixes: [] };

/**
 * `any`, or a comma-separated list of `ADDRESS[/PREFIX]` (`10.0.0.0/8,192.0.2.7,2001:db8::/32`).
 * Throws an Error naming the bad entry.
 */
export function parseNetPolicy(text: string): NetPolicy {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) throw new Error('--allow-net needs "any" or a list of ADDRESS[/PREFIX]');
  if (items.includes('any')) return { any: true, prefixes: [] };
  const prefixes = items.map((item) => {
    const slash = item.indexOf('/');
    const ip = parseIp(slash < 0 ? item : item.slice(0, slash));
    const bits = ip ? ip.length * 8 : 0;
    const prefix = slash < 0 ? bits : Number(item.slice(slash + 1));
    if (!ip || !Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
      throw new Error(`--allow-net: "${item}" is not an address or ADDRESS/PREFIX`);
    }
    return { ip, prefix, text: item };
  });
  return { any: false, prefixes };
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), or the address itself. */
function unmapped(ip: Uint8Array): Uint8Array {
  const mapped = ip.length === 16 && ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
  return mapped ? ip.slice(12) : ip;
}

/**
 * True when traffic to `ip` stays within the policy. The all-zero address is allowed: connecting to
 * it fails (Winsock) or reaches this host (Linux), it never leaves the machine.
 */
export function reachable(policy: NetPolicy, ip: Uint8Array): boolean {
  const a = unmapped(ip);
  if (policy.any || isLoopback(a) || isAllZero(a)) return true;
  return policy.prefixes.some((p) => inPrefix(a, p.ip, p.prefix));
}

export function describePolicy(policy: NetPolicy): string {
  if (policy.any) return 'any address';
  return ['loopback', ...policy.prefixes.map((p) => p.text)].join(', ');
}

/** The message a refused destination stops the run with. */
export function refusal(policy: NetPolicy, call: string, addr: SockAddr): string {
  return (
    `native run refused: ${call} to ${formatAddr(addr)} would leave this machine; native runs may reach ` +
    `${describePolicy(policy)} only (wsplint run --allow-net PREFIX,... or --allow-net any widens this)`
  );
}
