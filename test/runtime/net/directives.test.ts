// `// wsplint:snippet` and `// wsplint:net` directive comments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDirective } from '../../../runtime/src/net/directives';
import { ipToString } from '../../../runtime/src/net/address';

test('snippet markers: optional name, flags and key=value options', () => {
  assert.deepEqual(parseDirective('// wsplint:snippet', 3), { kind: 'snippet', line: 3, name: null, options: {} });
  assert.deepEqual(parseDirective('// wsplint:snippet refused qos profile=windows', 1), { kind: 'snippet', line: 1, name: 'refused', options: { qos: true, profile: 'windows' } });
  assert.equal(parseDirective('// wsplint:snippet x colour=red', 1)?.kind, 'error');
  assert.equal(parseDirective('// just a comment', 1), null);
});

test('net directives: address, prefix, port, IPv6 in brackets, host', () => {
  const d = parseDirective('// wsplint:net 192.0.2.0/24 silent', 4);
  assert.ok(d?.kind === 'net');
  if (d?.kind === 'net') assert.deepEqual([ipToString(d.rule.ip), d.rule.prefix, d.rule.port, d.rule.verdict, d.rule.line], ['192.0.2.0', 24, null, 'silent', 4]);
  const p = parseDirective('/* wsplint:net [2001:db8::5]:80 refuse */', 1);
  assert.ok(p?.kind === 'net' && p.rule.port === 80 && p.rule.prefix === 128);
  const h = parseDirective('// wsplint:net host 10.0.0.2/24', 1);
  assert.ok(h?.kind === 'host' && h.host.prefix === 24);
});

test('mistakes in net directives are reported, not ignored', () => {
  for (const bad of ['// wsplint:net 10.0.0.1 lisen', '// wsplint:net 10.0.0.300 listen', '// wsplint:net 10.0.0.1/40 listen', '// wsplint:net 10.0.0.1', '// wsplint:net host 10.0.0.1:80']) {
    assert.equal(parseDirective(bad, 7)?.kind, 'error', bad);
  }
});
