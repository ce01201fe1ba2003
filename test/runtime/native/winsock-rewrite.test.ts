// The Winsock harness generation, without compiling: call rewriting, records, tool discovery.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tree } from 'web-tree-sitter';
import { cParser } from '../../../runtime/src/interp/parser';
import { LOOPBACK_ONLY } from '../../../runtime/src/native/net-policy';
import { parseHarnessOutput } from '../../../runtime/src/native/winsock/parse-output';
import { rewriteCalls } from '../../../runtime/src/native/winsock/rewrite';
import { ToolchainMissing, findToolchain } from '../../../runtime/src/native/winsock/toolchain';
import { WRAPPED, wrapperSource } from '../../../runtime/src/native/winsock/wrappers';

async function rewrite(source: string): Promise<ReturnType<typeof rewriteCalls>> {
  const parser = await cParser();
  const tree = parser.parse(source) as Tree;
  try {
    return rewriteCalls(source, tree.rootNode);
  } finally {
    tree.delete();
  }
}

test('socket calls become wrapper calls carrying their line; every line keeps its number', async () => {
  const source = [
    '// é ünïcode before the calls',
    'void t(void) {',
    '  int err;',
    '  SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err);',
    '  procs.lpWSPConnect(s, NULL, 0, NULL, NULL, NULL, NULL, &err);',
    '  table->',
    '    lpWSPCloseSocket(s, &err);',
    '  if (connect(s, 0, 0) == SOCKET_ERROR) printf("%d", WSAGetLastError());',
    '  memset(&err, 0, sizeof err); myconnect(s); procs.lpWSPStartup(1);',
    '}',
  ].join('\n');
  const r = await rewrite(source);
  const lines = r.text.split('\n');
  assert.equal(lines.length, source.split('\n').length);
  assert.equal(r.calls, 5);
  assert.equal(lines[3], '  SOCKET s = __wsplint_WSPSocket(4, AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err);');
  assert.equal(lines[4], '  __wsplint_WSPConnect(5, s, NULL, 0, NULL, NULL, NULL, NULL, &err);');
  assert.equal(lines[5], '  __wsplint_WSPCloseSocket(6, ', 'a callee split over lines keeps the line break');
  assert.equal(lines[6], 's, &err);');
  assert.equal(lines[7], '  if (__wsplint_connect(8, s, 0, 0) == SOCKET_ERROR) printf("%d", __wsplint_WSAGetLastError(8));');
  assert.equal(lines[8], source.split('\n')[8], 'other functions and table members that are not recorded stay as they are');
});

test('every wrapper runs its API twin and records under the snippet\'s name; SPI wrappers fill lpErrno', () => {
  const connect = wrapperSource(WRAPPED.find((w) => w.name === 'WSPConnect') as (typeof WRAPPED)[number]);
  assert.match(connect, /static int __wsplint_WSPConnect\(int __line, SOCKET s, .*LPINT lpErrno\)/);
  assert.match(connect, /WSAConnect\(s, name, namelen, lpCallerData, lpCalleeData, lpSQOS, lpGQOS\)/);
  assert.match(connect, /\*lpErrno = __e;/);
  assert.match(connect, /__wsplint_check_connect/);
  const send = wrapperSource(WRAPPED.find((w) => w.name === 'send') as (typeof WRAPPED)[number]);
  assert.doesNotMatch(send, /lpErrno/);
  assert.match(send, /WSASetLastError\(__e\)/, 'an API wrapper leaves WSAGetLastError as the call set it');
  // The interpreter's bindings and the harness record the same calls.
  for (const name of ['WSPSocket', 'WSPAccept', 'WSPSelect', 'WSPEventSelect', 'WSPRecvFrom', 'socket', 'closesocket', 'WSAWaitForMultipleEvents', 'Sleep']) {
    assert.ok(WRAPPED.some((w) => w.name === name), name);
  }
});

test('harness records become the SnippetResult shape; a missing end record is reported', () => {
  const out = [
    '@@wsplint {"t":"env","wine":"8.0","windows":"6.1.7601"}',
    '@@wsplint {"t":"call","line":5,"call":"WSPSocket","api":"WSASocketW","returned":88,"failed":0,"code":0}',
    '@@wsplint {"t":"call","line":9,"call":"WSPConnect","api":"WSAConnect","returned":-1,"failed":1,"code":10061}',
    '@@wsplint {"t":"out","text":"err 10061\\nsecond"}',
    '@@wsplint {"t":"event","line":9,"socket":88,"bit":4,"code":10061}',
    'raw line',
    '@@wsplint {"t":"end"}',
  ].join('\r\n');
  const r = parseHarnessOutput(out, { code: 0, timedOut: false, limitMs: 1000 }, LOOPBACK_ONLY);
  assert.equal(r.error, null);
  assert.equal(r.environment, 'Wine 8.0');
  assert.deepEqual(
    r.calls.map((c) => [c.line, c.call, c.returned, c.error, c.code]),
    [
      [5, 'WSPSocket', 88, null, null],
      [9, 'WSPConnect', -1, 'WSAECONNREFUSED', 10061],
    ],
  );
  assert.match(r.calls[1].detail, /WSPConnect ran as WSAConnect, its API twin, returned -1 on Wine 8\.0/);
  assert.deepEqual(r.events, [{ line: 9, socket: 88, event: 'FD_CONNECT', error: 'WSAECONNREFUSED' }]);
  // Text written without printf continues the printed line, as it would on a console.
  assert.deepEqual(r.output, ['err 10061', 'secondraw line']);

  const killed = parseHarnessOutput(out.split('\r\n').slice(0, 3).join('\n'), { code: null, timedOut: true, limitMs: 1500 }, LOOPBACK_ONLY);
  assert.match(killed.error ?? '', /wall-clock limit \(1500 ms\).*line 9/);
  const refused = parseHarnessOutput('@@wsplint {"t":"refused","line":7,"call":"connect","family":4,"port":80,"ip":"0a000005"}\n', { code: 3, timedOut: false, limitMs: 1 }, LOOPBACK_ONLY);
  assert.match(refused.error ?? '', /^line 7: native run refused: connect to 10\.0\.0\.5:80/);
});

test('without a Windows compiler or Wine the winsock stack names the packages to install', () => {
  if (process.platform === 'win32') return;
  assert.throws(
    () => findToolchain({ PATH: '/nonexistent' }, []),
    (e: unknown) => e instanceof ToolchainMissing && /gcc-mingw-w64-x86-64-win32/.test(e.message) && /wine64/.test(e.message) && /--stack host/.test(e.message),
  );
});
