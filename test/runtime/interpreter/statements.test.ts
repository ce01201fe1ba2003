// Control flow, declarations and the file's own functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run, runOne } from '../helpers';

test('if/else, while, do, for with break and continue', async () => {
  const r = await run('int i, sum = 0, n = 0; for (i = 0; i < 10; i++) { if (i % 2) continue; if (i == 8) break; sum += i; } while (n < 3) n++; do { n += 10; } while (n < 20); printf("%d %d\\n", sum, n);');
  assert.deepEqual(r.output, ['12 23']);
});

test('switch with fall-through and default', async () => {
  const r = await run('int i, acc = 0; for (i = 0; i < 4; i++) { switch (i) { case 0: acc += 1; case 1: acc += 10; break; default: acc += 100; } } printf("%d\\n", acc);');
  assert.deepEqual(r.output, ['221']);
});

test('goto to a label of an enclosing block (the cleanup pattern)', async () => {
  const r = await run('int step = 0; step = 1; if (step) goto cleanup; step = 99; cleanup: printf("%d\\n", step);');
  assert.deepEqual(r.output, ['1']);
});

test('functions of the same file are called with their arguments and return values; statics persist', async () => {
  const header = 'static int add(int a, int b) { return a + b; }\nstatic int counter(void) { static int n = 0; n++; return n; }\nstatic void fill(WSABUF *b, char *p) { b->len = 3; b->buf = p; }';
  const r = await run('char x[3]; WSABUF b; counter(); counter(); fill(&b, x); printf("%d %d %u\\n", add(2, 3), counter(), b.len);', {}, header);
  assert.deepEqual(r.output, ['5 3 3']);
});

test('initializers: designated, nested, brace elision, char arrays, arrays sized by their initializer', async () => {
  const r = await run(
    'struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0x5000 }; WSABUF bufs[] = { { 4, NULL }, { .len = 9 } }; char s[] = "abc"; int m[2][2] = { 1, 2, 3, 4 }; printf("%d %d %u %u %zu %d %d\\n", a.sin_family, a.sin_port, bufs[0].len, bufs[1].len, sizeof(s), m[1][0], (int)(sizeof(bufs) / sizeof(bufs[0])));',
  );
  assert.deepEqual(r.output, ['2 20480 4 9 4 3 2']);
});

test('struct assignment copies the bytes; typedef struct of the file is laid out', async () => {
  const header = 'typedef struct conn { SOCKET s; int state; char tag[6]; } CONN;';
  const r = await run('CONN a, b; a.s = 7; a.state = 2; strcpy(a.tag, "abc"); b = a; a.state = 9; printf("%d %d %s %zu\\n", (int)b.s, b.state, b.tag, sizeof(CONN));', {}, header);
  assert.deepEqual(r.output, ['7 2 abc 24']);
});

test('a snippet name and options come from the marker line; a snippet may not take parameters', async () => {
  const r = await runOne('// wsplint:snippet named budget=100\nvoid f(int x) { }\n');
  assert.equal(r.name, 'named');
  assert.match(r.error ?? '', /takes no parameters/);
});

test('calling conventions and SAL annotations are blanked before parsing, lines unchanged', async () => {
  const src = '// wsplint:snippet\nstatic void WSPAPI f(void)\n{\n    struct sockaddr FAR *p = NULL;\n    int e;\n    WSPListen(5, 1, &e);\n}\nstatic int helper(_In_ int a, _Out_opt_ LPINT b) { return a; }\n';
  const r = await runOne(src);
  assert.equal(r.error, null);
  assert.equal(r.name, 'f');
  assert.deepEqual(r.calls.map((c) => [c.line, c.error]), [[6, 'WSAENOTSOCK']]);
});
