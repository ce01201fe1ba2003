// Call-by-call comparison of two runs, on hand-made results (no stack involved).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agrees, compareResults } from '../../../runtime/src/native/compare';
import { compareText, parseCompare } from '../../../runtime/src/native/compare-run';
import type { CallRecord, EventRecord, SnippetResult, StackName } from '../../../runtime/src/types';

function call(line: number, name: string, returned: number, error: string | null = null, detail = ''): CallRecord {
  return { line, call: name, returned, error, code: error === null ? null : 10000, detail };
}

function result(stack: StackName, calls: CallRecord[], events: EventRecord[] = [], output: string[] = [], error: string | null = null): SnippetResult {
  return { name: 's', line: 1, stack, profile: 'spec', calls, events, output, error };
}

test('socket handles compare as sockets; events name sockets by creation order', () => {
  const a = result('simulated', [call(2, 'WSPSocket', 256), call(3, 'socket', 260), call(4, 'WSPConnect', -1, 'WSAEWOULDBLOCK')], [{ line: 5, socket: 260, event: 'FD_CONNECT', error: null }]);
  const b = result('winsock', [call(2, 'WSPSocket', 88), call(3, 'socket', 96), call(4, 'WSPConnect', -1, 'WSAEWOULDBLOCK')], [{ line: 9, socket: 96, event: 'FD_CONNECT', error: null }]);
  const c = compareResults(a, b);
  assert.equal(c.same, 3);
  assert.deepEqual(c.calls, []);
  assert.deepEqual(c.events, [], 'the same event on the second socket, whatever its handle and line');
  assert.ok(agrees(c));
  const failed = compareResults(a, result('winsock', [call(2, 'WSPSocket', -1, 'WSAEMFILE'), ...b.calls.slice(1)], b.events));
  assert.deepEqual(failed.calls.map((d) => [d.line, d.fields]), [[2, ['returned', 'error']]]);
});

test('a call only one stack made is reported as missing without shifting the later pairs', () => {
  const a = result('simulated', [call(2, 'socket', 256), call(3, 'connect', -1, 'WSAEWOULDBLOCK'), call(4, 'select', 1), call(5, 'closesocket', 0)]);
  const b = result('host', [call(2, 'socket', 256), call(3, 'connect', -1, 'WSAEWOULDBLOCK'), call(3, 'connect', -1, 'WSAEALREADY'), call(4, 'select', 0), call(5, 'closesocket', 0)]);
  const c = compareResults(a, b);
  assert.equal(c.same, 3);
  assert.deepEqual(
    c.calls.map((d) => [d.line, d.call, d.fields, d.a?.returned ?? null, d.b?.returned ?? null]),
    [
      [3, 'connect', ['missing'], null, -1],
      [4, 'select', ['returned'], 1, 0],
    ],
  );
  assert.ok(!agrees(c));
});

test('events, output and stops are compared; a host detail that says "not expressible" is carried as a note', () => {
  const a = result('simulated', [call(2, 'WSPConnect', -1, 'WSAEPROTONOSUPPORT')], [{ line: 2, socket: 1, event: 'FD_CONNECT', error: 'WSAECONNREFUSED' }], ['x']);
  const b = result('host', [call(2, 'WSPConnect', 0, null, 'connected; not expressible on host: lpCallerData (3 bytes) was not sent')], [], ['y'], 'stopped');
  const c = compareResults(a, b);
  assert.equal(c.calls[0].note, 'not expressible on host: lpCallerData (3 bytes) was not sent');
  assert.deepEqual(c.events, [{ socket: 'socket 1', event: 'FD_CONNECT', error: 'WSAECONNREFUSED', onlyIn: 'simulated' }]);
  assert.deepEqual(c.output, { a: ['x'], b: ['y'] });
  assert.deepEqual(c.errors, { a: null, b: 'stopped' });
  const text = compareText('f.c', { version: 1, compare: ['simulated (spec)', 'host'], snippets: [c] });
  assert.match(text, /line 2 WSPConnect: simulated -1 WSAEPROTONOSUPPORT \(10000\) \| host 0 \[not expressible on host/);
  assert.match(text, /event socket 1 FD_CONNECT WSAECONNREFUSED: only in simulated/);
  assert.match(text, /host stopped: stopped/);
});

test('--compare takes two different known stacks', () => {
  assert.deepEqual(parseCompare('simulated,winsock'), ['simulated', 'winsock']);
  assert.deepEqual(parseCompare('host, native'), ['host', 'native']);
  assert.match(parseCompare('simulated') as string, /two stacks/);
  assert.match(parseCompare('simulated,quantum') as string, /two stacks/);
  assert.match(parseCompare('host,host') as string, /two different stacks/);
});
