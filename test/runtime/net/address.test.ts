// sockaddr bytes <-> addresses, and address parsing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeSockAddr, encodeSockAddr, formatAddr, inPrefix, ipToString, parseIp, parseIpv6 } from '../../../runtime/src/net/address';

test('a sockaddr_in decodes family (little-endian), port and address (network order) and encodes back', () => {
  const bytes = Uint8Array.of(2, 0, 0x13, 0x88, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
  const d = decodeSockAddr(bytes);
  assert.ok(d.ok);
  if (!d.ok) return;
  assert.equal(d.addr.port, 5000);
  assert.equal(formatAddr(d.addr), '127.0.0.1:5000');
  assert.deepEqual(encodeSockAddr(d.addr), bytes);
});

test('short and unknown-family names are told apart', () => {
  assert.deepEqual(decodeSockAddr(Uint8Array.of(2, 0, 0, 80)), { ok: false, reason: 'short', family: 2 });
  assert.deepEqual(decodeSockAddr(new Uint8Array(16).fill(0).map((_, i) => (i === 0 ? 99 : 0))), { ok: false, reason: 'family', family: 99 });
  assert.deepEqual(decodeSockAddr(Uint8Array.of(2)), { ok: false, reason: 'short', family: -1 });
});

test('IPv6 text forms parse and print canonically', () => {
  assert.equal(ipToString(parseIpv6('2001:0db8:0:0:0:0:0:1') as Uint8Array), '2001:db8::1');
  assert.equal(ipToString(parseIpv6('::1') as Uint8Array), '::1');
  assert.equal(ipToString(parseIpv6('::ffff:10.0.0.1') as Uint8Array), '::ffff:a00:1');
  assert.equal(parseIpv6('1::2::3'), null);
  assert.equal(parseIp('256.1.1.1'), null);
});

test('prefix membership', () => {
  assert.ok(inPrefix(parseIp('10.1.200.3') as Uint8Array, parseIp('10.1.0.0') as Uint8Array, 16));
  assert.ok(!inPrefix(parseIp('10.2.0.1') as Uint8Array, parseIp('10.1.0.0') as Uint8Array, 16));
});
