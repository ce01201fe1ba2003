// The scenario harness must notice every kind of mismatch, or the scenarios prove nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compare, parseScenario } from './harness/scenario';
import { runOne } from './helpers';

const base = (expect: string, extra = ''): string => `// scenario: harness check
// source: the harness itself
${extra}
// wsplint:snippet t
void t(void)
{
    int err = 0;
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPListen(s, 1, &err); // ${expect}
    printf("done\\n");
}
`;

async function problems(src: string): Promise<string[]> {
  const s = parseScenario(src);
  return compare(s, 'spec', await runOne(src, { profile: 'spec' }));
}

test('a matching scenario has no problems', async () => {
  assert.deepEqual(await problems(base('expect: WSPListen -> SOCKET_ERROR WSAEINVAL', '// output: done')), []);
});

test('a wrong error code, return value or function name is reported', async () => {
  assert.equal((await problems(base('expect: WSPListen -> SOCKET_ERROR WSAEISCONN'))).length, 1);
  assert.equal((await problems(base('expect: WSPListen -> 0 WSAEINVAL'))).length, 1);
  assert.equal((await problems(base('expect: WSPBind -> SOCKET_ERROR WSAEINVAL'))).length, 1);
});

test('an unexpected call, a missing event, wrong output and an unexpected stop are reported', async () => {
  assert.match((await problems(base('nothing here'))).join('\n'), /unexpected call/);
  assert.match((await problems(base('expect: WSPListen -> SOCKET_ERROR WSAEINVAL // event: FD_READ'))).join('\n'), /expected events/);
  assert.match((await problems(base('expect: WSPListen -> SOCKET_ERROR WSAEINVAL', '// output: other'))).join('\n'), /output/);
  assert.match((await problems(base('expect: WSPListen -> SOCKET_ERROR WSAEINVAL', '// stops: budget'))).join('\n'), /expected the run to stop/);
});

test('profile-specific expectations apply to their profile only', () => {
  const s = parseScenario('// expect[windows]: WSPConnect -> 0\n// expect: WSPBind -> 0\n');
  assert.equal(s.calls.get('windows')?.size, 2);
  assert.equal(s.calls.get('spec')?.size, 1);
});
