/**
 * The simulated network a snippet runs against: this host (loopback plus one interface address), and
 * whatever the snippet declares with `// wsplint:net` directives. Anything not declared is unreachable,
 * so a snippet never depends on the machine it runs on.
 */
import type { SockAddr } from './address';
import { directedBroadcast, formatAddr, inPrefix, ipToString, isLoopback, parseIp, sameIp } from './address';

export type Verdict = 'listen' | 'refuse' | 'silent' | 'unreachable';
export const VERDICTS: readonly Verdict[] = ['listen', 'refuse', 'silent', 'unreachable'];

export interface NetRule {
  ip: Uint8Array;
  prefix: number;
  /** null: every port. */
  port: number | null;
  verdict: Verdict;
  /** 1-based line of the directive. */
  line: number;
}

export interface HostInterface {
  ip: Uint8Array;
  prefix: number;
}

export interface NetworkConfig {
  rules: NetRule[];
  hostV4: HostInterface;
  hostV6: HostInterface;
}

export type Route =
  /** An address of this host: the stack's own sockets decide (a listener accepts, no listener refuses). */
  | { kind: 'local' }
  | { kind: 'remote'; verdict: Verdict; rule: NetRule | null };

export function defaultNetwork(): NetworkConfig {
  return {
    rules: [],
    hostV4: { ip: parseIp('192.168.1.10') as Uint8Array, prefix: 24 },
    hostV6: { ip: parseIp('2001:db8::10') as Uint8Array, prefix: 64 },
  };
}

export function hostInterface(net: NetworkConfig, family4: boolean): HostInterface {
  return family4 ? net.hostV4 : net.hostV6;
}

/** True for an address a socket of this host can bind to (loopback or the interface address). */
export function isLocalAddress(net: NetworkConfig, ip: Uint8Array): boolean {
  return isLoopback(ip) || sameIp(ip, hostInterface(net, ip.length === 4).ip);
}

/** Limited broadcast, or the directed broadcast of the host subnet or of a declared IPv4 prefix. */
export function isBroadcast(net: NetworkConfig, ip: Uint8Array): boolean {
  if (ip.length !== 4) return false;
  if (ip.every((b) => b === 255)) return true;
  const prefixes: HostInterface[] = [net.hostV4, ...net.rules.filter((r) => r.ip.length === 4 && r.prefix <= 30)];
  return prefixes.some((p) => p.prefix <= 30 && sameIp(ip, directedBroadcast(p.ip, p.prefix)));
}

/** The most specific rule for the address: longest prefix first, a rule with a port before one without. */
export function route(net: NetworkConfig, addr: SockAddr): Route {
  if (isLocalAddress(net, addr.ip)) return { kind: 'local' };
  let best: NetRule | null = null;
  for (const rule of net.rules) {
    if (!inPrefix(addr.ip, rule.ip, rule.prefix)) continue;
    if (rule.port !== null && rule.port !== addr.port) continue;
    const better =
      best === null ||
      rule.prefix > best.prefix ||
      (rule.prefix === best.prefix && rule.port !== null && best.port === null) ||
      (rule.prefix === best.prefix && (rule.port === null) === (best.port === null) && rule.line > best.line);
    if (better) best = rule;
  }
  if (best) return { kind: 'remote', verdict: best.verdict, rule: best };
  return { kind: 'remote', verdict: 'unreachable', rule: null };
}

export function describeRoute(r: Route, addr: SockAddr): string {
  if (r.kind === 'local') return `${formatAddr(addr)} is an address of this host`;
  if (!r.rule) return `${formatAddr(addr)} is not declared by any wsplint:net directive, so it is unreachable`;
  const rule = r.rule;
  const target = `${ipToString(rule.ip)}${rule.prefix === rule.ip.length * 8 ? '' : `/${rule.prefix}`}${rule.port === null ? '' : `:${rule.port}`}`;
  return `${formatAddr(addr)} matches "wsplint:net ${target} ${rule.verdict}" (line ${rule.line})`;
}
