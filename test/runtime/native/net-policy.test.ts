import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIp } from '../../../runtime/src/net/address';
import { LOOPBACK_ONLY, parseNetPolicy, reachable, refusal } from '../../../runtime/src/native/net-policy';

const ip = (text: string): Uint8Array => parseIp(text) as Uint8Array;

test('by default only loopback (and the all-zero address, which never leaves the machine) is reachable', () => {
  for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '0.0.0.0', '::']) assert.ok(reachable(LOOPBACK_ONLY, ip(a)), a);
  for (const a of ['10.0.0.5', '192.0.2.7', '255.255.255.255', '2001:db8::1', '::ffff:10.0.0.1', '8.8.8.8']) assert.ok(!reachable(LOOPBACK_ONLY, ip(a)), a);
});

test('--allow-net widens to prefixes or to every address', () => {
  const p = parseNetPolicy('10.0.0.0/8, 192.0.2.7,2001:db8::/32');
  assert.ok(reachable(p, ip('10.200.1.1')));
  assert.ok(reachable(p, ip('::ffff:10.1.1.1')));
  assert.ok(reachable(p, ip('192.0.2.7')));
  assert.ok(!reachable(p, ip('192.0.2.8')));
  assert.ok(reachable(p, ip('2001:db8:1::5')));
  assert.ok(!reachable(p, ip('2001:db9::5')));
  assert.ok(reachable(parseNetPolicy('any'), ip('8.8.8.8')));
});

test('a bad --allow-net entry is named in the error', () => {
  assert.throws(() => parseNetPolicy('10.0.0.0/33'), /"10\.0\.0\.0\/33"/);
  assert.throws(() => parseNetPolicy('example.com'), /"example\.com"/);
  assert.throws(() => parseNetPolicy(' , '), /needs "any"/);
});

test('the refusal message says what was refused and how to widen the policy', () => {
  const text = refusal(LOOPBACK_ONLY, 'connect', { family: 2, ip: ip('10.0.0.5'), port: 80, scopeId: 0 });
  assert.match(text, /connect to 10\.0\.0\.5:80/);
  assert.match(text, /loopback only/);
  assert.match(text, /--allow-net/);
});
