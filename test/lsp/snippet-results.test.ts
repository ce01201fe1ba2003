/**
 * The pieces behind the Run lenses, without a server: where snippets are, the words of results, and
 * when kept results go stale or move with their lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallRecord, SnippetResult } from '../../runtime/src/types';
import { callText, compareLabels, contractNameOf, runLabels, specSentence } from '../../server/src/lsp/run-result-text';
import { SnippetResults } from '../../server/src/lsp/snippet-results';
import { findSnippetSites } from '../../server/src/lsp/snippet-sites';

const TEXT = [
  'int helper(void) { return 1; }', // 0
  '', // 1
  '// wsplint:snippet', // 2
  'void first(void)', // 3
  '{', // 4
  '    helper();', // 5
  '}', // 6
  '', // 7
  '/* wsplint:snippet named qos */', // 8
  '// wsplint:net 10.0.0.0/8 refuse', // 9
  'static int', // 10
  'second(void)', // 11
  '{', // 12
  '    // wsplint:snippet inside a body marks nothing', // 13
  '    return 0;', // 14
  '}', // 15
  '// wsplint:snippet', // 16
  'int x;', // 17
  'void after_declaration(void) { }', // 18
  '// wsplint:snippet bad-option', // 19
  'void third(void) { }', // 20
].join('\n');

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length - 1;

test('snippet sites: marked functions only, named by the directive, lens line at the return type', () => {
  const sites = findSnippetSites(TEXT);
  assert.deepEqual(
    sites.map((s) => ({ name: s.name, fn: s.functionName, line: lineOf(TEXT, s.headerStart), problem: s.problem !== null })),
    [
      { name: 'first', fn: 'first', line: 3, problem: false },
      { name: 'named', fn: 'second', line: 10, problem: false },
      { name: 'third', fn: 'third', line: 20, problem: true },
    ],
  );
  assert.match(sites[2].problem ?? '', /unknown option "bad-option"/);
  assert.equal(lineOf(TEXT, sites[1].end), 15);
});

function call(line: number, name: string, returned: number, error: string | null = null, code: number | null = null): CallRecord {
  return { line, call: name, returned, error, code, detail: `detail of ${name}` };
}

function result(calls: CallRecord[], stack: SnippetResult['stack'] = 'simulated'): SnippetResult {
  return { name: 'first', line: 4, stack, profile: 'spec', calls, events: [], output: [], error: null };
}

test('result words: SOCKET_ERROR with the code, INVALID_SOCKET, repeats, several calls on a line, events, a stop', () => {
  assert.equal(callText(call(1, 'connect', -1, 'WSAECONNREFUSED', 10061)), 'SOCKET_ERROR · WSAECONNREFUSED (10061)');
  assert.equal(callText(call(1, 'socket', -1, 'WSAEAFNOSUPPORT', 10047)), 'INVALID_SOCKET · WSAEAFNOSUPPORT (10047)');
  const r = result([
    call(6, 'WSPSend', -1, 'WSAEWOULDBLOCK', 10035),
    call(6, 'WSPSend', -1, 'WSAEWOULDBLOCK', 10035),
    call(6, 'WSPSend', 5),
    call(7, 'connect', -1, 'WSAECONNREFUSED', 10061),
    call(7, 'WSAGetLastError', 10061, 'WSAECONNREFUSED', 10061),
  ]);
  r.events = [{ line: 8, socket: 256, event: 'FD_CONNECT', error: 'WSAECONNREFUSED' }];
  r.error = 'line 9: unsupported construct';
  assert.deepEqual(runLabels(r), [
    { line: 6, text: '→ SOCKET_ERROR · WSAEWOULDBLOCK (10035) ×2, 5' },
    { line: 7, text: 'connect → SOCKET_ERROR · WSAECONNREFUSED (10061); WSAGetLastError → WSAECONNREFUSED (10061)' },
    { line: 8, text: 'FD_CONNECT (WSAECONNREFUSED)' },
    { line: 9, text: '✖ stopped: unsupported construct' },
  ]);
});

test('compare labels: equal lines plain, different lines marked with both stacks; socket handles are not a difference', () => {
  const a = result([call(5, 'socket', 256), call(6, 'connect', -1, 'WSAECONNREFUSED', 10061), call(7, 'closesocket', 0)]);
  const b = result([call(5, 'socket', 3), call(6, 'connect', -1, 'WSAETIMEDOUT', 10060)], 'host');
  assert.deepEqual(compareLabels(a, b), [
    { line: 5, text: '→ 256' },
    { line: 6, text: '≠ simulated → SOCKET_ERROR · WSAECONNREFUSED (10061) | host → SOCKET_ERROR · WSAETIMEDOUT (10060)', differs: true },
    { line: 7, text: '≠ simulated → 0 | host (not reached)', differs: true },
  ]);
});

test('spec sentences: API twins read their SPI page; undocumented codes are said to be', () => {
  assert.equal(contractNameOf('connect'), 'WSPConnect');
  assert.equal(contractNameOf('WSASocketW'), 'WSPSocket');
  assert.equal(contractNameOf('ioctlsocket'), 'WSPIoctl');
  assert.equal(contractNameOf('closesocket'), 'WSPCloseSocket');
  assert.equal(contractNameOf('WSAGetLastError'), undefined);
  assert.match(specSentence(call(1, 'connect', -1, 'WSAECONNREFUSED', 10061)) ?? '', /\*\*WSPConnect\*\*, `WSAECONNREFUSED`: An attempt to connect was rejected\./);
  assert.match(specSentence(call(1, 'connect', 0)) ?? '', /If no error occurs, LPWSPConnect returns zero\.$/);
  assert.match(specSentence(call(1, 'WSPBind', -1, 'WSAECONNREFUSED', 10061)) ?? '', /not documented\*\* for WSPBind/);
});

test('kept results: moved by edits elsewhere, dropped when their snippet or the context changes', () => {
  const store = new SnippetResults();
  const uri = 'file:///t.c';
  // first() called helper() on line 6 (1-based) and helper's own line 1 is context.
  store.set(uri, TEXT, 'first', 'simulated', [], [
    { line: 6, text: '→ 1' },
    { line: 1, text: '→ in helper' },
  ]);
  const at = (): [number, string][] => store.labels(uri).map((l) => [l.at, l.text]);
  assert.deepEqual(at(), [
    [0, '→ in helper'],
    [5, '→ 1'],
  ]);

  // Another snippet grows by two lines, below: nothing moves; then a new snippet above moves everything after it.
  let text = TEXT.replace('    return 0;', '    int a = 0;\n    int b = 0;\n    return a + b;');
  assert.deepEqual(store.update(uri, text), []);
  assert.deepEqual(at(), [
    [0, '→ in helper'],
    [5, '→ 1'],
  ]);
  text = text.replace('\n// wsplint:snippet\nvoid first', '\n// wsplint:snippet\nvoid added(void)\n{\n}\n\n// wsplint:snippet\nvoid first');
  assert.deepEqual(store.update(uri, text), []);
  assert.deepEqual(at(), [
    [0, '→ in helper'],
    [10, '→ 1'],
  ]);

  // The snippet itself is edited: its results go.
  const edited = text.replace('    helper();', '    helper(); helper();');
  assert.deepEqual(store.update(uri, edited), ['first']);
  assert.deepEqual(at(), []);

  // The helper (context) is edited: stale too.
  store.set(uri, TEXT, 'first', 'simulated', [], [{ line: 6, text: '→ 1' }]);
  assert.deepEqual(store.update(uri, TEXT.replace('return 1;', 'return 2;')), ['first']);
});
