// C expression semantics of the interpreter (LLP64 integers, conversions, pointers, sizeof).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from '../helpers';

async function out(body: string, header = ''): Promise<string[]> {
  return (await run(body, {}, header)).output;
}

test('integer arithmetic wraps to the declared width and signedness', async () => {
  assert.deepEqual(await out('unsigned char c = 250; c += 10; printf("%d\\n", c);'), ['4']);
  assert.deepEqual(await out('short s = 32767; s++; printf("%d\\n", s);'), ['-32768']);
  assert.deepEqual(await out('int x = 7 / 2, y = -7 / 2, z = -7 % 3; printf("%d %d %d\\n", x, y, z);'), ['3 -3 -1']);
  assert.deepEqual(await out('unsigned int u = 1; printf("%u\\n", u << 31);'), ['2147483648']);
});

test('the usual arithmetic conversions: -1 equals (DWORD)-1 and INVALID_SOCKET', async () => {
  assert.deepEqual(await out('int m = -1; DWORD d = (DWORD)-1; printf("%d %d\\n", m == d, d == 0xFFFFFFFF);'), ['1 1']);
  assert.deepEqual(await out('SOCKET s = INVALID_SOCKET; printf("%d %d\\n", s == INVALID_SOCKET, s == (SOCKET)-1);'), ['1 1']);
  assert.deepEqual(await out('int a = -1; unsigned int b = 1; printf("%d\\n", a < b);'), ['0']);
});

test('sizeof gives the Windows x64 sizes of the Winsock structures', async () => {
  const sizes = await out(
    'printf("%zu %zu %zu %zu %zu %zu %zu %zu %zu\\n", sizeof(struct sockaddr_in), sizeof(struct sockaddr_in6), sizeof(WSABUF), sizeof(QOS), sizeof(fd_set), sizeof(WSANETWORKEVENTS), sizeof(SOCKET), sizeof(long), sizeof(SOCKADDR_STORAGE));',
  );
  assert.deepEqual(sizes, ['16 28 16 80 520 44 8 4 128']);
});

test('byte order helpers and inet_addr lay the address out in network order', async () => {
  const o = await out(
    'struct sockaddr_in a; unsigned char *p = (unsigned char *)&a; memset(&a, 0, sizeof(a)); a.sin_port = htons(0x1234); a.sin_addr.s_addr = inet_addr("10.1.2.3"); printf("%02x %02x | %d.%d.%d.%d | %x %x\\n", p[2], p[3], p[4], p[5], p[6], p[7], ntohs(a.sin_port), htonl(1));',
  );
  assert.deepEqual(o, ['12 34 | 10.1.2.3 | 1234 1000000']);
  assert.deepEqual(await out('printf("%u\\n", inet_addr("not an address") == INADDR_NONE);'), ['1']);
});

test('pointers: address-of, dereference, arithmetic, arrays decay, ->', async () => {
  const o = await out('int a[4] = {1, 2, 3, 4}; int *p = a + 1; WSABUF b; WSABUF *q = &b; q->len = 5; *p += 10; printf("%d %d %d %u %d\\n", a[1], *(p + 2), (int)(&a[3] - p), b.len, p[-1]);');
  assert.deepEqual(o, ['12 4 2 5 1']);
});

test('conditional, comma, logical short-circuit, compound assignment, pre and post increment', async () => {
  const o = await out('int i = 0, j = 5, k; k = (i++, i + j); j -= 2; j <<= 1; printf("%d %d %d %d %d\\n", k, i, j, i ? 10 : 20, (0 && (i = 99)) || i == 1);');
  assert.deepEqual(o, ['6 1 6 10 1']);
  assert.deepEqual(await out('int n = 3; int m = n--; printf("%d %d %d\\n", m, n, --n);'), ['3 2 1']);
});

test('object-like #define macros, enum constants and WSA error names are usable', async () => {
  const header = '#define PORT 5000\n#define TWICE (PORT * 2)\nenum { RED, GREEN = 5, BLUE };';
  assert.deepEqual(await out('printf("%d %d %d %d\\n", TWICE, GREEN, BLUE, WSAEWOULDBLOCK);', header), ['10000 5 6 10035']);
});
