// printf formatting over the snippet's memory.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from '../helpers';

test('conversions, flags, width, precision and length modifiers', async () => {
  const r = await run('char s[] = "hey"; printf("[%5d|%-4d|%05d|%x|%X|%#x|%o|%c|%s|%.2s|%%|%lu|%lld|%+d]\\n", 42, 7, -3, 255, 255, 16, 8, 65, s, s, 4000000000u, -5ll, 3);');
  assert.deepEqual(r.output, ['[   42|7   |-0003|ff|FF|0x10|10|A|hey|he|%|4000000000|-5|+3]']);
});

test('output is split into lines; a last line without newline is kept', async () => {
  const r = await run('printf("a\\nb"); puts("c"); printf("d");');
  assert.deepEqual(r.output, ['a', 'bc', 'd']);
});

test('inet_ntoa and inet_ntop format addresses; inet_pton parses IPv6', async () => {
  const r = await run('struct in_addr a; struct in6_addr b; char t[64]; a.s_addr = inet_addr("192.0.2.33"); inet_pton(AF_INET6, "2001:db8::1", &b); inet_ntop(AF_INET6, &b, t, sizeof(t)); printf("%s %s\\n", inet_ntoa(a), t);');
  assert.deepEqual(r.output, ['192.0.2.33 2001:db8::1']);
});
