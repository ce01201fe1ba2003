// Routing in the simulated network.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SockAddr } from '../../../runtime/src/net/address';
import { parseIp } from '../../../runtime/src/net/address';
import { defaultNetwork, isBroadcast, isLocalAddress, route } from '../../../runtime/src/net/network';

const at = (ip: string, port: number): SockAddr => ({ family: ip.includes(':') ? 23 : 2, ip: parseIp(ip) as Uint8Array, port, scopeId: 0 });

test('this host, loopback and the interface address are local; anything undeclared is unreachable', () => {
  const net = defaultNetwork();
  assert.deepEqual(route(net, at('127.0.0.1', 80)), { kind: 'local' });
  assert.deepEqual(route(net, at('::1', 80)), { kind: 'local' });
  assert.ok(isLocalAddress(net, parseIp('192.168.1.10') as Uint8Array));
  const r = route(net, at('8.8.8.8', 53));
  assert.ok(r.kind === 'remote' && r.verdict === 'unreachable' && r.rule === null);
});

test('the most specific rule wins: longer prefix, then a rule with a port', () => {
  const net = defaultNetwork();
  const rule = (ip: string, prefix: number, port: number | null, verdict: 'listen' | 'refuse' | 'silent' | 'unreachable', line: number) =>
    net.rules.push({ ip: parseIp(ip) as Uint8Array, prefix, port, verdict, line });
  rule('10.0.0.0', 8, null, 'silent', 1);
  rule('10.0.0.0', 24, null, 'refuse', 2);
  rule('10.0.0.5', 24, 80, 'listen', 3);
  const v = (ip: string, port: number): string => {
    const r = route(net, at(ip, port));
    return r.kind === 'remote' ? r.verdict : 'local';
  };
  assert.equal(v('10.9.9.9', 1), 'silent');
  assert.equal(v('10.0.0.7', 1), 'refuse');
  assert.equal(v('10.0.0.7', 80), 'listen');
});

test('broadcast: limited, this subnet and declared prefixes', () => {
  const net = defaultNetwork();
  net.rules.push({ ip: parseIp('10.1.0.0') as Uint8Array, prefix: 16, port: null, verdict: 'listen', line: 1 });
  assert.ok(isBroadcast(net, parseIp('255.255.255.255') as Uint8Array));
  assert.ok(isBroadcast(net, parseIp('192.168.1.255') as Uint8Array));
  assert.ok(isBroadcast(net, parseIp('10.1.255.255') as Uint8Array));
  assert.ok(!isBroadcast(net, parseIp('10.1.2.255') as Uint8Array));
});
