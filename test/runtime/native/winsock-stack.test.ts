// The Winsock stack for real: snippets compiled with mingw-w64 and run under Wine (or on Windows).
// Skipped, with the reason, when the tools are not installed; .ci/run installs them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSource } from '../../../runtime/src/runner';
import type { SnippetResult } from '../../../runtime/src/types';
import { findToolchain } from '../../../runtime/src/native/winsock/toolchain';

function toolsMissing(): string | false {
  try {
    findToolchain();
    return false;
  } catch (e) {
    return `winsock stack tools are missing: ${e instanceof Error ? e.message : String(e)}`;
  }
}
const skip = toolsMissing();

async function winsock(source: string, timeoutMs = 8000): Promise<SnippetResult> {
  const report = await runSource(source, { stack: 'winsock', timeoutMs });
  assert.equal(report.snippets.length, 1);
  assert.equal(report.snippets[0].stack, 'winsock');
  return report.snippets[0];
}

const CONNECTS = `#include <winsock2.h>
// wsplint:snippet connects
void connects(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in me = { AF_INET };
    u_long on = 1;
    fd_set w, x;
    struct timeval tv = { 3, 0 };
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err);
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    SOCKET d = socket(AF_INET, SOCK_STREAM, 0);
    me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&me, sizeof(me), &err);
    WSPGetSockName(l, (struct sockaddr *)&me, &len, &err);
    connect(c, (struct sockaddr *)&me, sizeof(me));
    printf("first %d\\n", WSAGetLastError());
    WSPListen(l, 1, &err);
    WSPConnect(l, (struct sockaddr *)&me, sizeof(me), NULL, NULL, NULL, NULL, &err);
    ioctlsocket(d, FIONBIO, &on);
    connect(d, (struct sockaddr *)&me, sizeof(me));
    FD_ZERO(&w); FD_SET(d, &w);
    FD_ZERO(&x); FD_SET(d, &x);
    select(0, NULL, &w, &x, &tv);
    printf("writable %d\\n", FD_ISSET(d, &w));
    closesocket(d);
}
`;

test('a snippet compiled for Windows runs on Winsock and reports every call with its line', { skip }, async () => {
  const r = await winsock(CONNECTS);
  assert.equal(r.error, null);
  const handle = new Set(['WSPSocket', 'socket']);
  const calls = r.calls.map((c) => `${c.line} ${c.call} ${handle.has(c.call) && c.returned !== -1 ? 'handle' : c.returned} ${c.error ?? ''}`.trim());
  assert.deepEqual(calls, [
    '10 WSPSocket handle',
    '11 socket handle',
    '12 socket handle',
    '14 WSPBind 0',
    '15 WSPGetSockName 0',
    // Bound but not listening: refused, on Wine as on Windows.
    '16 connect -1 WSAECONNREFUSED',
    '17 WSAGetLastError 10061 WSAECONNREFUSED',
    '18 WSPListen 0',
    // lpwspconnect.md: "WSAEINVAL: The parameter s is a listening socket."
    '19 WSPConnect -1 WSAEINVAL',
    '20 ioctlsocket 0',
    '21 connect -1 WSAEWOULDBLOCK',
    '24 select 1',
    '26 closesocket 0',
  ]);
  assert.match(r.calls[8].detail, /WSPConnect ran as WSAConnect, its API twin/);
  assert.deepEqual(r.output, ['first 10061', 'writable 1']);
});

test('WSAAsyncSelect messages and unread WSAEventSelect records come back as events', { skip }, async () => {
  const source = `// wsplint:snippet events
void events(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in me = { AF_INET };
    WSAEVENT ev = WSACreateEvent();
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err);
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err);
    me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&me, sizeof(me), &err);
    WSPGetSockName(l, (struct sockaddr *)&me, &len, &err);
    WSPListen(l, 1, &err);
    WSPAsyncSelect(c, (HWND)1, WM_USER + 1, FD_CONNECT | FD_WRITE, &err);
    WSPEventSelect(l, ev, FD_ACCEPT, &err);
    WSPConnect(c, (struct sockaddr *)&me, sizeof(me), NULL, NULL, NULL, NULL, &err);
    WSAWaitForMultipleEvents(1, &ev, FALSE, 2000, FALSE);
    Sleep(200);
}
`;
  const r = await winsock(source);
  assert.equal(r.error, null);
  const names = r.events.map((e) => e.event);
  assert.ok(names.includes('FD_CONNECT') && names.includes('FD_WRITE'), `async select events: ${names.join(', ')}`);
  assert.ok(names.indexOf('FD_CONNECT') < names.indexOf('FD_WRITE'), 'FD_CONNECT comes before FD_WRITE');
  const connectSocket = r.calls[1].returned;
  assert.ok(r.events.filter((e) => e.event === 'FD_CONNECT').every((e) => e.socket === connectSocket && e.error === null));
  const accept = r.events.find((e) => e.event === 'FD_ACCEPT');
  assert.ok(accept, 'the FD_ACCEPT the snippet never enumerated is read once it returns');
  assert.equal(accept.line, 14, 'reported on the line of its selection');
});

test('a snippet that does not compile fails with the compiler\'s message at the user\'s line', { skip }, async () => {
  const r = await winsock(`// wsplint:snippet broken
void broken(void)
{
    int err = 0;
    undeclared_thing(err) +;
}
`);
  assert.equal(r.calls.length, 0);
  assert.match(r.error ?? '', /does not compile for Windows/);
  assert.match(r.error ?? '', /snippet\.c:5:/);
  const params = await winsock(`// wsplint:snippet takes
void takes(int a, int b)
{
}
`);
  assert.equal(params.error, 'line 2: a snippet function takes no parameters (takes has 2)');
});

test('destinations beyond loopback are refused before the call reaches the network', { skip }, async () => {
  const r = await winsock(`// wsplint:snippet away
void away(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err);
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err);
    printf("not reached\\n");
}
`);
  assert.deepEqual(r.calls.map((c) => c.call), ['WSPSocket']);
  assert.match(r.error ?? '', /^line 9: native run refused: WSPConnect to 10\.0\.0\.5:80/);
  assert.deepEqual(r.output, []);
});

test('a snippet that never ends is killed at the wall-clock limit; a crash is reported with its line', { skip }, async () => {
  const t0 = Date.now();
  const loop = await winsock(
    `// wsplint:snippet spin
void spin(void)
{
    int err = 0;
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err);
    for (;;) { }
}
`,
    1500,
  );
  assert.ok(Date.now() - t0 < 8000, 'killed, not left running');
  assert.match(loop.error ?? '', /wall-clock limit \(1500 ms\).*line 5/);
  const crash = await winsock(`// wsplint:snippet crash
void crash(void)
{
    int err = 0;
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err);
    *(volatile int *)0 = 1;
}
`);
  assert.match(crash.error ?? '', /crashed \(exception 0xc0000005\) after the call on line 5/);
});
