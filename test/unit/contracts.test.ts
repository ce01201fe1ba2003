// The contract tables generated from the reference pages (scripts/gen-contracts.mjs). These tests read only
// the checked-in JSON through the loader; the expectations come from the pages themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONTRACTS,
  ERROR_CODES,
  PROC_TABLE_FIELDS,
  contractByProcEntry,
  errorCode,
  getContract,
  isDocumentedFor,
  isWsaErrorName,
} from '../../server/src/core/spec';

test('one contract per reference page: 30 proc-table functions plus WSPStartup', () => {
  assert.equal(CONTRACTS.length, 31);
  const pages = CONTRACTS.map((c) => c.page);
  assert.equal(new Set(pages).size, 31, 'page names are unique');
  for (const page of pages) assert.match(page, /^(nc-ws2spi-lpwsp[a-z]+|nf-ws2spi-wspstartup)\.md$/);
  assert.equal(PROC_TABLE_FIELDS.length, 30);
  for (const f of PROC_TABLE_FIELDS) {
    const c = contractByProcEntry(f.field);
    assert.ok(c, `WSPPROC_TABLE.${f.field} has a contract`);
    assert.equal(c.name, f.function);
    assert.equal(c.typedef, f.typedef);
    assert.equal(c.page, `nc-ws2spi-${f.typedef.toLowerCase()}.md`);
  }
  const startup = CONTRACTS.filter((c) => c.procEntry === null);
  assert.deepEqual(startup.map((c) => c.name), ['WSPStartup']);
});

test('WSPPROC_TABLE keeps struct order (ws2spi.h)', () => {
  assert.deepEqual(PROC_TABLE_FIELDS.slice(0, 3).map((f) => f.field), ['lpWSPAccept', 'lpWSPAddressToString', 'lpWSPAsyncSelect']);
  assert.equal(PROC_TABLE_FIELDS[7]?.field, 'lpWSPConnect');
  assert.equal(PROC_TABLE_FIELDS[29]?.field, 'lpWSPStringToAddress');
});

test('getContract accepts the function, typedef and proc-table spellings', () => {
  const c = getContract('WSPConnect');
  assert.ok(c);
  assert.equal(getContract('LPWSPCONNECT'), c);
  assert.equal(getContract('LPWSPConnect'), c);
  assert.equal(getContract('lpWSPConnect'), c);
  assert.equal(c.typedef, 'LPWSPCONNECT');
  assert.equal(c.procEntry, 'lpWSPConnect');
  assert.equal(getContract('WSPConnectEx'), undefined);
  assert.equal(contractByProcEntry('WSPConnect'), undefined, 'contractByProcEntry takes only table members');
});

test('WSPConnect: 19 documented errors in page order', () => {
  const c = getContract('WSPConnect');
  assert.ok(c);
  assert.deepEqual(
    c.errors.map((e) => e.code),
    ['WSAENETDOWN', 'WSAEADDRINUSE', 'WSAEINTR', 'WSAEINPROGRESS', 'WSAEALREADY', 'WSAEADDRNOTAVAIL', 'WSAEAFNOSUPPORT',
      'WSAECONNREFUSED', 'WSAEFAULT', 'WSAEINVAL', 'WSAEISCONN', 'WSAENETUNREACH', 'WSAENOBUFS', 'WSAENOTSOCK',
      'WSAEOPNOTSUPP', 'WSAEPROTONOSUPPORT', 'WSAETIMEDOUT', 'WSAEWOULDBLOCK', 'WSAEACCES'],
  );
  assert.equal(c.errors.find((e) => e.code === 'WSAEINVAL')?.meaning, 'Parameter s is a listening socket.');
  for (const e of c.errors) assert.doesNotMatch(e.meaning, /<|\]\(|\*\*/, `${e.code} meaning is plain text`);
  assert.ok(isDocumentedFor('WSPConnect', 'WSAECONNREFUSED'));
  assert.ok(isDocumentedFor(c, 10061));
  assert.ok(!isDocumentedFor('WSPConnect', 'WSAENOTCONN'), 'WSAENOTCONN appears in the remarks, not the error table');
  assert.ok(!isDocumentedFor('WSPConnect', 'WSA_IO_PENDING'));
  assert.ok(!isDocumentedFor('NoSuchFunction', 'WSAEINVAL'));
});

test('WSPConnect: 8 parameters in prototype order with directions, types and optionality', () => {
  const c = getContract('WSPConnect');
  assert.ok(c);
  assert.deepEqual(c.params.map((p) => p.name), ['s', 'name', 'namelen', 'lpCallerData', 'lpCalleeData', 'lpSQOS', 'lpGQOS', 'lpErrno']);
  assert.deepEqual(c.params.map((p) => p.index), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(c.params.map((p) => p.direction), ['in', 'in', 'in', 'in', 'out', 'in', 'in', 'out']);
  assert.deepEqual(c.params.map((p) => p.type), ['SOCKET', 'const struct sockaddr *', 'int', 'LPWSABUF', 'LPWSABUF', 'LPQOS', 'LPQOS', 'LPINT']);
  const optional = c.params.filter((p) => p.optional).map((p) => p.name);
  assert.deepEqual(optional, ['lpCallerData', 'lpCalleeData', 'lpSQOS']);
  assert.match(c.params[3]?.optionalBecause ?? '', /If lpCallerData is null/);
  assert.equal(c.params[6]?.reserved, true);
  assert.equal(c.params[1]?.description, 'Name of the peer to which the socket in the sockaddr is to be connected.');
  assert.equal(c.returnType, 'int');
  assert.deepEqual(c.returns.success, ['0']);
  assert.deepEqual(c.returns.failure, ['SOCKET_ERROR']);
  assert.equal(c.returns.pending, undefined);
  assert.equal(c.errorReporting, 'lpErrno');
  assert.match(c.returns.text, /^If no error occurs, LPWSPConnect returns zero\./);
  assert.match(c.summary, /establishes a connection to a peer/);
  assert.ok(c.remarks.length > 5);
  assert.ok(c.remarks.some((r) => r.startsWith('For connection-oriented, nonblocking sockets')));
  assert.equal(c.page, 'nc-ws2spi-lpwspconnect.md');
});

test('error codes page: names, values, titles', () => {
  assert.equal(errorCode('WSAECONNREFUSED')?.value, 10061);
  assert.equal(errorCode('WSAEHOSTUNREACH')?.value, 10065);
  assert.equal(errorCode('WSA_IO_PENDING')?.value, 997);
  assert.equal(errorCode('WSA_IO_PENDING')?.title, 'Overlapped operations will complete later');
  assert.equal(errorCode(10061)?.name, 'WSAECONNREFUSED');
  assert.equal(errorCode('10054')?.name, 'WSAECONNRESET');
  assert.equal(errorCode('WSAECONNREFUSED')?.title, 'Connection refused');
  assert.equal(errorCode('ECONNREFUSED'), undefined);
  assert.ok(ERROR_CODES.length >= 90);
  assert.equal(new Set(ERROR_CODES.map((e) => e.name)).size, ERROR_CODES.length);
  for (const e of ERROR_CODES) {
    assert.ok(e.title !== '', `${e.name} has a title`);
    assert.doesNotMatch(e.description, /<[a-z]/, `${e.name} description is plain text`);
  }
  assert.ok(isWsaErrorName('WSAEWOULDBLOCK'));
  assert.ok(isWsaErrorName('WSA_IO_PENDING'));
  assert.ok(!isWsaErrorName('WSAEFOO'));
  assert.ok(!isWsaErrorName('SOCKET_ERROR'));
});

test('every documented error of every function is on the error-codes page', () => {
  for (const c of CONTRACTS) {
    assert.ok(c.errors.length > 0, `${c.name} documents errors`);
    for (const e of c.errors) assert.ok(isWsaErrorName(e.code), `${c.name}: ${e.code}`);
    for (const p of c.params) assert.ok(p.type !== '', `${c.name}.${p.name} has a type`);
  }
});

test('return conventions of the other functions', () => {
  for (const name of ['WSPSocket', 'WSPAccept', 'WSPJoinLeaf']) {
    const c = getContract(name);
    assert.equal(c?.returnType, 'SOCKET', name);
    assert.deepEqual(c?.returns.failure, ['INVALID_SOCKET'], name);
  }
  const gor = getContract('WSPGetOverlappedResult');
  assert.equal(gor?.returnType, 'BOOL');
  assert.deepEqual(gor?.returns.success, ['TRUE']);
  assert.deepEqual(gor?.returns.failure, ['FALSE']);

  const startup = getContract('WSPStartup');
  assert.ok(startup);
  assert.equal(startup.typedef, 'LPWSPSTARTUP');
  assert.equal(startup.procEntry, null);
  assert.equal(startup.errorReporting, 'return-value');
  assert.deepEqual(startup.returns.success, ['0']);
  assert.deepEqual(startup.returns.failure, startup.errors.map((e) => e.code));
  assert.ok(startup.returns.failure.includes('WSAVERNOTSUPPORTED'));
  assert.equal(startup.params.at(-1)?.name, 'lpProcTable');
  assert.equal(startup.params.at(-1)?.direction, 'out');

  for (const name of ['WSPSend', 'WSPRecv', 'WSPSendTo', 'WSPRecvFrom', 'WSPIoctl']) {
    assert.deepEqual(getContract(name)?.returns.pending, ['WSA_IO_PENDING'], name);
    assert.ok(isDocumentedFor(name, 'WSA_IO_PENDING'), name);
  }
  const select = getContract('WSPSelect');
  assert.ok(select?.params.find((p) => p.name === 'timeout')?.optional);
});

test('every lpErrno is an out parameter and last (WSPStartup has none)', () => {
  for (const c of CONTRACTS) {
    const last = c.params.at(-1);
    if (c.name === 'WSPStartup') {
      assert.ok(!c.params.some((p) => p.name === 'lpErrno'));
      continue;
    }
    assert.equal(last?.name, 'lpErrno', c.name);
    assert.equal(last?.direction, 'out', c.name);
    assert.equal(c.errorReporting, 'lpErrno', c.name);
  }
});

test('per-event error tables of WSPAsyncSelect', () => {
  const tables = getContract('WSPAsyncSelect')?.eventErrors ?? [];
  const connect = tables.find((t) => t.events.includes('FD_CONNECT'));
  assert.ok(connect);
  assert.ok(connect.errors.some((e) => e.code === 'WSAECONNREFUSED'));
});

test('error tables in their irregular forms are read whole', () => {
  // LPWSPSend's WSAEMSGSIZE row never closes its meaning cell; the rows after it still count.
  const send = getContract('WSPSend')?.errors.map((e) => e.code) ?? [];
  assert.deepEqual(send.slice(-5), ['WSAEMSGSIZE', 'WSAEINVAL', 'WSAECONNABORTED', 'WSAECONNRESET', 'WSA_OPERATION_ABORTED']);
  // LPWSPRecvDisconnect: an HTML table, then Markdown rows repeating WSAEFAULT.
  assert.deepEqual(
    getContract('WSPRecvDisconnect')?.errors.map((e) => e.code),
    ['WSAENETDOWN', 'WSAEFAULT', 'WSAENOPROTOOPT', 'WSAEINPROGRESS', 'WSAENOTCONN', 'WSAENOTSOCK'],
  );
  // LPWSPIoctl: Markdown table only.
  assert.equal(getContract('WSPIoctl')?.errors[0]?.code, 'WSA_IO_PENDING');
  // A code listed twice appears once; two different meanings are both kept.
  const async = getContract('WSPAsyncSelect')?.errors.map((e) => e.code) ?? [];
  assert.equal(async.filter((c) => c === 'WSAENETDOWN').length, 1);
  const inprogress = getContract('WSPSetSockOpt')?.errors.find((e) => e.code === 'WSAEINPROGRESS');
  assert.equal(inprogress?.meaning.split('\n').length, 2);
});

test('generated text is plain: no HTML tags, Markdown links, bold markers or entities outside code', () => {
  const texts: [string, string][] = [];
  for (const c of CONTRACTS) {
    texts.push([`${c.name} summary`, c.summary], [`${c.name} returns`, c.returns.text]);
    for (const p of c.params) texts.push([`${c.name}.${p.name}`, p.description]);
    for (const e of c.errors) texts.push([`${c.name} ${e.code}`, e.meaning]);
    for (const r of c.remarks) if (!r.startsWith('```')) texts.push([`${c.name} remarks`, r]);
  }
  for (const [where, text] of texts) {
    assert.doesNotMatch(text, /<\/?[a-z][^>]*>|\]\(|\*\*|&[a-z]+;|â€/i, where);
  }
});

test('parameter facts the pages state in words', () => {
  const accept = getContract('WSPAccept');
  assert.deepEqual(accept?.params.filter((p) => p.optional).map((p) => p.name), ['addr', 'addrlen', 'lpfnCondition']);
  assert.equal(accept?.params[1]?.type, 'struct sockaddr *');
  // The heading says [in]; the returns section says the error code is available in lpErrno.
  const ioctlErrno = getContract('WSPIoctl')?.params.at(-1);
  assert.equal(ioctlErrno?.direction, 'out');
  assert.match(ioctlErrno?.directionBecause ?? '', /available in lpErrno/);
  // LPWSPGetSockOpt's headings carry no direction.
  const getsockopt = getContract('WSPGetSockOpt')?.params.map((p) => p.direction);
  assert.deepEqual(getsockopt, ['in', 'in', 'in', 'out', 'inout', 'out']);
  const select = getContract('WSPSelect');
  assert.deepEqual(select?.params.filter((p) => p.optional).map((p) => p.name), ['readfds', 'writefds', 'exceptfds', 'timeout']);
  assert.equal(select?.params[0]?.optional, false, 'nfds is an int, never optional');
  const ioctl = getContract('WSPIoctl');
  assert.equal(ioctl?.params.find((p) => p.name === 'cbOutBuffer')?.optional, false, 'a DWORD cannot be NULL');
});
