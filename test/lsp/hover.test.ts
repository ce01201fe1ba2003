/** Hover text from the contract tables, on inline sources (no server needed). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFunctions } from '../../server/src/lsp/c-functions';
import { hoverMarkdown } from '../../server/src/lsp/hover';

const SRC = `
/* int Fake(int a) { not code } */
#define OPEN {
static int WSPAPI LspConnect(SOCKET s, const struct sockaddr FAR *peer, int peerlen,
    LPWSABUF callerData, LPWSABUF calleeData, LPQOS sqos, LPQOS gqos, LPINT err)
{
    const char *msg = "} not a brace {";
    if (peer == NULL) { *err = WSAEFAULT; return SOCKET_ERROR; }
    *err = WSAEHOSTUNREACH;
    *err = ECONNREFUSED;
    return SOCKET_ERROR;
}

int WSPAPI WSPStartup(WORD v, LPWSPDATA d, LPWSAPROTOCOL_INFOW p, WSPUPCALLTABLE u, LPWSPPROC_TABLE lpProcTable)
{
    lpProcTable->lpWSPConnect = LspConnect;
    return 0;
}
`;

const hoverOn = (needle: string, nth = 0, text = SRC): string | null => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return hoverMarkdown(text, i + 1);
};

test('the lexer finds the functions, skipping comments, strings and #define braces', () => {
  const fns = findFunctions(SRC);
  assert.deepEqual(fns.map((f) => f.name), ['LspConnect', 'WSPStartup']);
  assert.deepEqual(fns[0].params.map((p) => p.name), ['s', 'peer', 'peerlen', 'callerData', 'calleeData', 'sqos', 'gqos', 'err']);
});

test('a code documented for the function: its meaning for that function', () => {
  const md = hoverOn('WSAEFAULT') ?? '';
  assert.match(md, /\*\*WSAEFAULT\*\* \(10014\)/);
  assert.match(md, /\*\*For WSPConnect:\*\* The name or the namelen parameter is not a valid part/);
});

test('a code the function does not document says so and lists the documented ones', () => {
  const md = hoverOn('WSAEHOSTUNREACH') ?? '';
  assert.match(md, /\*\*Not documented for WSPConnect\.\*\*/);
  assert.match(md, /`WSAENETUNREACH`/);
});

test('a POSIX errno name points to the Winsock code', () => {
  assert.match(hoverOn('ECONNREFUSED') ?? '', /not a Winsock error code: a provider reports \*\*WSAECONNREFUSED\*\* \(10061\)/);
});

test('a proc-table member and an implementation name show the contract', () => {
  const member = hoverOn('lpWSPConnect') ?? '';
  assert.match(member, /```c\nint WSPAPI WSPConnect\(\n {4}SOCKET s,/);
  assert.match(member, /- `lpCalleeData` \[out, optional\]/);
  assert.match(member, /- `WSAECONNREFUSED`: An attempt to connect was rejected\./);
  assert.match(hoverOn('LspConnect') ?? '', /^`LspConnect` implements \*\*WSPConnect\*\*/);
});

test('a parameter of an implementation: what the spec says about it, matched by position', () => {
  const md = hoverOn('calleeData') ?? '';
  assert.match(md, /^\*\*calleeData\*\* \(`lpCalleeData` in the spec\): parameter 5 of WSPConnect, `LPWSABUF`, \[out, optional\]/);
  assert.match(md, /If lpCalleeData is null, no user data will be passed back\./);
  const err = hoverOn('err', 1) ?? '';
  assert.match(err, /parameter 8 of WSPConnect/);
});

test('nothing to say: no hover', () => {
  assert.equal(hoverOn('msg'), null);
  assert.equal(hoverMarkdown(SRC, SRC.indexOf('not a brace') + 1), null);
});

test('an implementation listed by position in a WSPPROC_TABLE initializer is recognised', () => {
  const text = [
    'static int WSPAPI LbConnect(SOCKET a, const struct sockaddr *b, int c, LPWSABUF d, LPWSABUF e, LPQOS f, LPQOS g, LPINT h)',
    '{',
    '    *h = WSAETIMEDOUT;',
    '    return SOCKET_ERROR;',
    '}',
    'static WSPPROC_TABLE LbProcTable = {',
    '    LbAccept, LbAddressToString, LbAsyncSelect, LbBind,',
    '    LbCancelBlockingCall, LbCleanup, (LPWSPCLOSESOCKET)LbCloseSocket, /* eighth: */ LbConnect,',
    '    NULL',
    '};',
  ].join('\n');
  assert.match(hoverOn('WSAETIMEDOUT', 0, text) ?? '', /\*\*For WSPConnect:\*\* An attempt to connect timed out/);
  assert.match(hoverOn('LbConnect', 0, text) ?? '', /^`LbConnect` implements \*\*WSPConnect\*\*/);
});
