import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OS_TO_WSA, mapOsError, osErrorCode, wsaForOsError } from '../../../runtime/src/native/error-map';
import { wsaName, wsaValue } from '../../../runtime/src/spec/contracts';

/** The rows issue 5 names, and the ones a Winsock user would look for first. */
const REQUIRED: [string, string][] = [
  ['ECONNREFUSED', 'WSAECONNREFUSED'],
  ['ENETUNREACH', 'WSAENETUNREACH'],
  ['EHOSTUNREACH', 'WSAEHOSTUNREACH'],
  ['ETIMEDOUT', 'WSAETIMEDOUT'],
  ['EADDRNOTAVAIL', 'WSAEADDRNOTAVAIL'],
  ['EADDRINUSE', 'WSAEADDRINUSE'],
  ['EACCES', 'WSAEACCES'],
  ['EISCONN', 'WSAEISCONN'],
  ['EALREADY', 'WSAEALREADY'],
  ['EINPROGRESS', 'WSAEWOULDBLOCK'],
  ['EAGAIN', 'WSAEWOULDBLOCK'],
  ['EAFNOSUPPORT', 'WSAEAFNOSUPPORT'],
  ['ENOTCONN', 'WSAENOTCONN'],
  ['ECONNRESET', 'WSAECONNRESET'],
  ['ECONNABORTED', 'WSAECONNABORTED'],
  ['EMSGSIZE', 'WSAEMSGSIZE'],
  ['ENOBUFS', 'WSAENOBUFS'],
  ['EINVAL', 'WSAEINVAL'],
  ['ENOTSOCK', 'WSAENOTSOCK'],
];

test('the rows issue 5 names map to their Winsock codes', () => {
  for (const [os, wsa] of REQUIRED) assert.equal(wsaForOsError(os), wsa, os);
});

test('every row maps to a code the Winsock error table knows, with the value Winsock gives it', () => {
  assert.ok(OS_TO_WSA.size >= REQUIRED.length);
  for (const [os, wsa] of OS_TO_WSA) {
    const value = wsaValue(wsa);
    assert.ok(value >= 10000 && value < 11100, `${os} -> ${wsa} has value ${value}`);
    assert.equal(wsaName(value), wsa);
  }
  // The WSAE codes were numbered after BSD errno (WSABASEERR 10000 + errno) for most of the twins.
  assert.equal(wsaValue(wsaForOsError('ECONNREFUSED') as string), 10061);
  assert.equal(wsaValue(wsaForOsError('EINPROGRESS') as string), 10035);
});

test('a Node error is mapped by its code, with the host code in the detail', () => {
  const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', errno: -111 });
  const m = mapOsError(e, 'connect to 127.0.0.1:9');
  assert.deepEqual(m, { error: 'WSAECONNREFUSED', code: 10061, detail: 'the host answered ECONNREFUSED (connect to 127.0.0.1:9)' });
});

test('an unknown host code is not guessed at', () => {
  assert.equal(wsaForOsError('ENOTFOUND'), null);
  assert.equal(mapOsError(Object.assign(new Error('x'), { code: 'EWHATEVER' }), 'x'), null);
  assert.equal(mapOsError(new Error('no code'), 'x'), null);
  assert.equal(mapOsError('a string', 'x'), null);
  assert.equal(osErrorCode({ code: 42 }), null);
  assert.equal(osErrorCode(null), null);
});
