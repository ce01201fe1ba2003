/**
 * Which SPI function a provider function implements is looked up once per finding by code actions, the
 * CLI fix and hovers. The fuzzer found it quadratic (every lookup rescanned the file: a 750 KB file with
 * 6,000 findings took minutes); it is now one pass per text. Same answers, linear time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contractForFunction } from '../../server/src/core/spec/implementation-of';

test('answers: an assignment (also chained or cast), a position in a WSPPROC_TABLE initializer, else nothing', () => {
  const text = [
    'void Fill(LPWSPPROC_TABLE t, LPWSPPROC_TABLE u) {',
    '  t->lpWSPSend = (LPWSPSEND)MySend;',
    '  t->lpWSPRecv = u->lpWSPRecv = &MyRecv;',
    '  t->lpWSPConnect = MyConnect2;',
    '}',
    'WSPPROC_TABLE table = { MyAccept, /* AddressToString */ MyA2S, MyAsyncSelect, MyBind };',
  ].join('\n');
  assert.equal(contractForFunction('MySend', text)?.name, 'WSPSend');
  assert.equal(contractForFunction('MyRecv', text)?.name, 'WSPRecv');
  assert.equal(contractForFunction('MyConnect2', text)?.name, 'WSPConnect');
  assert.equal(contractForFunction('MyConnect', text), undefined, 'a prefix of an assigned name is not that name');
  assert.equal(contractForFunction('MyAccept', text)?.name, 'WSPAccept');
  assert.equal(contractForFunction('MyBind', text)?.name, 'WSPBind');
  assert.equal(contractForFunction('Unrelated', text), undefined);
  assert.equal(contractForFunction('Unrelated', text, 'WSPConnect')?.name, 'WSPConnect');
});

test('thousands of lookups in a large file take linear time', () => {
  const n = 3000;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`int WSPAPI C${i}(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)\n{ if (namelen < ${i}) return SOCKET_ERROR; return 0; }\n`);
  parts.push('void Fill(LPWSPPROC_TABLE t) {', ...Array.from({ length: n }, (_, i) => `  t->lpWSPConnect = C${i};`), '}');
  const text = parts.join('\n');
  const t0 = performance.now();
  for (let k = 0; k < 2; k++) for (let i = 0; i < n; i++) assert.equal(contractForFunction(`C${i}`, text)?.name, 'WSPConnect');
  const ms = performance.now() - t0;
  assert.ok(ms < 3000, `${2 * n} lookups in a ${text.length}-character file took ${Math.round(ms)} ms`);
});
