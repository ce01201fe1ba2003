// The run stops with a clear message naming the line; it never crashes or hangs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runOne, snippet } from '../helpers';

async function stop(body: string, header = ''): Promise<string> {
  const r = await runOne(snippet(body, header));
  assert.notEqual(r.error, null, 'the run should have stopped');
  return r.error as string;
}

test('unsupported constructs stop the run, naming the line', async () => {
  // Lines: the helper puts the header on line 1, the marker on 2, the function on 3-4, the body from 5.
  assert.match(await stop('int a = 1;\ndouble d = 1.5;'), /^line 6: .*not supported/);
  assert.match(await stop('int (*fp)(void) = 0;\nfp();'), /^line 6: not supported: call through/);
});

test('unknown identifiers and functions, NULL and out-of-bounds accesses are reported', async () => {
  assert.match(await stop('int a = nope;'), /^line 5: unknown identifier "nope"/);
  assert.match(await stop('frobnicate(1);'), /^line 5: call to unknown function frobnicate/);
  assert.match(await stop('int *p = NULL;\n*p = 3;'), /^line 6: write through a NULL pointer/);
  assert.match(await stop('char b[4];\nmemset(b, 0, 8);'), /^line 6: write of 8 byte\(s\) at offset 0 runs past the end of "b"/);
  assert.match(await stop('int z = 0;\nint q = 5 / z;'), /^line 6: division by zero/);
});

test('a loop that never waits stops at the step budget, with advice', async () => {
  const r = await runOne(snippet('for (;;) { }'), { budget: 1000 });
  assert.match(r.error ?? '', /step budget of 1000 exhausted/);
  assert.match(r.error ?? '', /virtual time only passes when the snippet waits/);
});

test('a blocking wait nothing can end stops instead of hanging', async () => {
  const r = await runOne(snippet('fd_set s; int e; SOCKET l = socket(AF_INET, SOCK_STREAM, 0); FD_ZERO(&s); FD_SET(l, &s);\nselect(0, &s, NULL, NULL, NULL);'));
  assert.match(r.error ?? '', /^line 6: select with no timeout would wait forever/);
});

test('runaway recursion stops at the call depth', async () => {
  const r = await runOne(snippet('down(1);', 'static int down(int n) { return down(n + 1); }'));
  assert.match(r.error ?? '', /nested deeper than 64/);
});

test('calling an SPI function with the wrong number of arguments stops the run', async () => {
  assert.match(await stop('int e; WSPConnect(1, NULL, 0, &e);'), /WSPConnect takes 8 argument\(s\), 4 given/);
});

test('overlapped I/O is refused clearly', async () => {
  assert.match(await stop('int e; WSAOVERLAPPED ov; WSABUF b; DWORD n; WSPSend(1, &b, 1, &n, 0, &ov, NULL, NULL, &e);'), /overlapped I\/O .* not simulated/);
});

test('SPI calls that fail need a valid lpErrno', async () => {
  assert.match(await stop('WSPCloseSocket(99, NULL);'), /lpErrno does not point at an int/);
});

test('a file without snippets, or with a bad directive, cannot run', async () => {
  await assert.rejects(runOne('void f(void) {}\n'), /no snippet found/);
  const r = await runOne('// wsplint:net 10.0.0.1 lisen\n// wsplint:snippet\nvoid f(void) {}\n');
  assert.match(r.error ?? '', /unknown behaviour "lisen"/);
});

test('a self-referential macro is not expanded forever', async () => {
  const r = await runOne(snippet('int z = X;', '#define X (X + 1)'));
  assert.match(r.error ?? '', /^line 5: unknown identifier "X"/);
});
