// The host stack on real loopback sockets: every test is bounded by the stack's wall-clock limit.
import assert from 'node:assert/strict';
import { createServer, connect as netConnect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { decodeSockAddr, encodeSockAddr, parseIp } from '../../../runtime/src/net/address';
import { HostStack } from '../../../runtime/src/native/host/host-stack';
import { parseNetPolicy } from '../../../runtime/src/native/net-policy';
import { runSource } from '../../../runtime/src/runner';
import type { ConnectArgs, InBuf, Reply } from '../../../runtime/src/stack/stack';
import {
  AF_INET,
  FD_CONNECT,
  FD_WRITE,
  FIONBIO,
  SOCK_DGRAM,
  SOCK_STREAM,
  SOL_SOCKET,
  SO_ERROR,
} from '../../../runtime/src/spec/winsock-constants';

const LIMIT_MS = 5000;

function addr(ip: string, port: number): InBuf {
  return { kind: 'bytes', bytes: encodeSockAddr({ family: AF_INET, ip: parseIp(ip) as Uint8Array, port, scopeId: 0 }) };
}

function connectArgs(name: InBuf): ConnectArgs {
  return { name, callerData: { kind: 'null' }, calleeData: { kind: 'null' }, sqos: { kind: 'null' }, gqos: 'null' };
}

const int = (v: number): InBuf => ({ kind: 'bytes', bytes: Uint8Array.from([v & 0xff, (v >> 8) & 0xff, 0, 0]) });

function ok<T>(r: Reply<T>, what: string): T {
  if (r.ok !== true) assert.fail(`${what}: ${r.ok === false ? `${r.error} (${r.detail})` : r.message}`);
  return r.value;
}

/** The port of a sockaddr the stack returned. */
function portOf(bytes: Uint8Array): number {
  const d = decodeSockAddr(bytes);
  assert.ok(d.ok);
  return d.addr.port;
}

/** A loopback port nobody listens on (a listener's port, closed again). */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function listener(stack: HostStack): Promise<{ handle: number; port: number }> {
  const l = ok(await stack.socket(AF_INET, SOCK_STREAM, 0, 0, 0), 'socket');
  ok(await stack.bind(l, addr('127.0.0.1', 0)), 'bind');
  ok(await stack.listen(l, 5), 'listen');
  const port = portOf(ok(await stack.getSockName(l, { kind: 'buffer', capacity: 16 }), 'getsockname'));
  assert.ok(port > 0);
  return { handle: l, port };
}

test('listen makes a real listener: a Node client connects, WSPAccept returns it, data flows both ways', async () => {
  const stack = new HostStack({ limitMs: LIMIT_MS });
  try {
    const l = await listener(stack);
    const client = netConnect(l.port, '127.0.0.1');
    const received = new Promise<string>((r) => client.once('data', (d) => r(d.toString())));
    await new Promise<void>((r) => client.once('connect', () => r()));
    const a = ok(await stack.accept(l.handle, { kind: 'buffer', capacity: 16 }, false), 'accept');
    assert.equal(portOf(a.addr), client.localPort);
    ok(await stack.send(a.socket, [{ kind: 'bytes', bytes: new TextEncoder().encode('hello') }], 0, 'ok'), 'send');
    assert.equal(await received, 'hello');
    client.write('back');
    const got = ok(await stack.recv(a.socket, 16, 0, 'ok'), 'recv');
    assert.equal(new TextDecoder().decode(got.data), 'back');
    client.end();
    const eof = ok(await stack.recv(a.socket, 16, 0, 'ok'), 'recv at end');
    assert.equal(eof.data.length, 0, 'a graceful close reads as 0 bytes');
    client.destroy();
  } finally {
    await stack.dispose();
  }
});

test('a blocking connect to a port without listener fails with WSAECONNREFUSED from the OS', async () => {
  const stack = new HostStack({ limitMs: LIMIT_MS });
  try {
    const port = await freePort();
    const s = ok(await stack.socket(AF_INET, SOCK_STREAM, 0, 0, 0), 'socket');
    const r = await stack.connect(s, connectArgs(addr('127.0.0.1', port)));
    assert.equal(r.ok, false);
    assert.equal(r.ok === false && r.error, 'WSAECONNREFUSED');
    assert.match(r.ok === false ? r.detail : '', /ECONNREFUSED/);
    // The socket may connect again (lpwspconnect.md): here to a real listener.
    const l = await listener(stack);
    ok(await stack.connect(s, connectArgs(addr('127.0.0.1', l.port))), 'second connect');
    const again = await stack.connect(s, connectArgs(addr('127.0.0.1', l.port)));
    assert.equal(again.ok === false && again.error, 'WSAEISCONN');
  } finally {
    await stack.dispose();
  }
});

test('nonblocking connect: WSAEWOULDBLOCK, then select reports success in writefds and refusal in exceptfds with SO_ERROR', async () => {
  const stack = new HostStack({ limitMs: LIMIT_MS });
  try {
    const l = await listener(stack);
    const good = ok(await stack.socket(AF_INET, SOCK_STREAM, 0, 0, 0), 'socket');
    const bad = ok(await stack.socket(AF_INET, SOCK_STREAM, 0, 0, 0), 'socket');
    for (const s of [good, bad]) ok(await stack.ioctl(s, FIONBIO, int(1), { kind: 'null' }, 'ok'), 'FIONBIO');
    const r1 = await stack.connect(good, connectArgs(addr('127.0.0.1', l.port)));
    const r2 = await stack.connect(bad, connectArgs(addr('127.0.0.1', await freePort())));
    assert.equal(r1.ok === false && r1.error, 'WSAEWOULDBLOCK');
    assert.equal(r2.ok === false && r2.error, 'WSAEWOULDBLOCK');
    const seen = { write: new Set<number>(), except: new Set<number>() };
    const start = Date.now();
    while ((!seen.write.has(good) || !seen.except.has(bad)) && Date.now() - start < 3000) {
      const sel = ok(await stack.select({ read: null, write: [good, bad], except: [good, bad], timeout: { sec: 2, usec: 0 } }), 'select');
      sel.write.forEach((h) => seen.write.add(h));
      sel.except.forEach((h) => seen.except.add(h));
    }
    assert.ok(seen.write.has(good), 'the connect to the listener is reported in writefds');
    assert.ok(seen.except.has(bad), 'the refused connect is reported in exceptfds');
    assert.ok(!seen.write.has(bad) && !seen.except.has(good));
    const soError = ok(await stack.getSockOpt(bad, SOL_SOCKET, SO_ERROR, { kind: 'buffer', capacity: 4 }), 'SO_ERROR');
    assert.equal(new DataView(soError.buffer).getInt32(0, true), 10061);
    const cleared = ok(await stack.getSockOpt(bad, SOL_SOCKET, SO_ERROR, { kind: 'buffer', capacity: 4 }), 'SO_ERROR again');
    assert.equal(new DataView(cleared.buffer).getInt32(0, true), 0, 'reading SO_ERROR resets it');
  } finally {
    await stack.dispose();
  }
});

test('a select with nothing ready times out after its own timeout, in real time', async () => {
  const stack = new HostStack({ limitMs: LIMIT_MS });
  try {
    const s = ok(await stack.socket(AF_INET, SOCK_DGRAM, 0, 0, 0), 'socket');
    ok(await stack.bind(s, addr('127.0.0.1', 0)), 'bind');
    const t0 = Date.now();
    const sel = ok(await stack.select({ read: [s], write: null, except: null, timeout: { sec: 0, usec: 300_000 } }), 'select');
    const took = Date.now() - t0;
    assert.deepEqual(sel, { read: [], write: [], except: [] });
    assert.ok(took >= 280 && took < 2000, `took ${took} ms`);
  } finally {
    await stack.dispose();
  }
});

test('datagram connect sets the default destination; an all-zero address removes it', async () => {
  const stack = new HostStack({ limitMs: LIMIT_MS });
  try {
    const r = ok(await stack.socket(AF_INET, SOCK_DGRAM, 0, 0, 0), 'socket');
    const t = ok(await stack.socket(AF_INET, SOCK_DGRAM, 0, 0, 0), 'socket');
    ok(await stack.bind(r, addr('127.0.0.1', 0)), 'bind');
    const rPort = portOf(ok(await stack.getSockName(r, { kind: 'buffer', capacity: 16 }), 'getsockname'));
    const before = await stack.send(t, [{ kind: 'bytes', bytes: Uint8Array.of(1) }], 0, 'ok');
    assert.equal(before.ok === false && before.error, 'WSAENOTCONN');
    ok(await stack.connect(t, connectArgs(addr('127.0.0.1', rPort))), 'dgram connect');
    assert.equal(portOf(ok(await stack.getPeerName(t, { kind: 'buffer', capacity: 16 }), 'getpeername')), rPort);
    assert.equal(ok(await stack.send(t, [{ kind: 'bytes', bytes: Uint8Array.of(7, 8, 9) }], 0, 'ok'), 'send'), 3);
    const got = ok(await stack.recvFrom(r, 16, 0, { kind: 'buffer', capacity: 16 }, 'ok'), 'recvfrom');
    assert.deepEqual(Array.from(got.data), [7, 8, 9]);
    const tPort = portOf(ok(await stack.getSockName(t, { kind: 'buffer', capacity: 16 }), 'getsockname t'));
    assert.equal(portOf(got.from as Uint8Array), tPort, 'the datagram comes from the connected socket');
    ok(await stack.connect(t, connectArgs(addr('0.0.0.0', 0))), 'disconnect');
    const after = await stack.send(t, [{ kind: 'bytes', bytes: Uint8Array.of(1) }], 0, 'ok');
    assert.equal(after.ok === false && after.error, 'WSAENOTCONN');
    assert.equal(ok(await stack.sendTo(t, [{ kind: 'bytes', bytes: Uint8Array.of(4) }], 0, addr('127.0.0.1', rPort), 'ok'), 'sendto'), 1);
  } finally {
    await stack.dispose();
  }
});

test('WSPEventSelect records FD_CONNECT before FD_WRITE, once, from the real connection', async () => {
  const stack = new HostStack({ limitMs: LIMIT_MS });
  try {
    const l = await listener(stack);
    const c = ok(await stack.socket(AF_INET, SOCK_STREAM, 0, 0, 0), 'socket');
    const ev = stack.createEvent();
    ok(await stack.eventSelect(c, ev, FD_CONNECT | FD_WRITE), 'eventselect');
    const r = await stack.connect(c, connectArgs(addr('127.0.0.1', l.port)));
    assert.equal(r.ok === false && r.error, 'WSAEWOULDBLOCK', 'WSPEventSelect made the socket nonblocking');
    assert.equal(ok(await stack.waitForEvents([ev], false, 2000), 'wait'), 0);
    const net = ok(await stack.enumNetworkEvents(c, ev, 'ok'), 'enum');
    assert.equal(net.events, FD_CONNECT | FD_WRITE);
    assert.equal(net.errors[4], 0, 'FD_CONNECT carries no error');
    assert.deepEqual(
      stack.takeEvents().map((e) => e.event),
      ['FD_CONNECT', 'FD_WRITE'],
    );
    assert.equal(ok(await stack.waitForEvents([ev], false, 100), 'wait again'), 'timeout', 'the event was reset by the enumeration');
  } finally {
    await stack.dispose();
  }
});

test('traffic beyond loopback is refused before it is sent, unless the policy allows it', async () => {
  const stack = new HostStack({ limitMs: LIMIT_MS });
  try {
    const s = ok(await stack.socket(AF_INET, SOCK_STREAM, 0, 0, 0), 'socket');
    const r = await stack.connect(s, connectArgs(addr('10.0.0.5', 80)));
    assert.equal(r.ok, 'stop');
    assert.match(r.ok === 'stop' ? r.message : '', /native run refused: connect to 10\.0\.0\.5:80/);
    const u = ok(await stack.socket(AF_INET, SOCK_DGRAM, 0, 0, 0), 'socket');
    const d = await stack.sendTo(u, [{ kind: 'bytes', bytes: Uint8Array.of(1) }], 0, addr('192.0.2.1', 9), 'ok');
    assert.equal(d.ok, 'stop');
    // A datagram connect sends nothing; its later send is what the policy checks.
    ok(await stack.connect(u, connectArgs(addr('192.0.2.1', 9))), 'dgram connect');
    assert.equal((await stack.send(u, [{ kind: 'bytes', bytes: Uint8Array.of(1) }], 0, 'ok')).ok, 'stop');
  } finally {
    await stack.dispose();
  }
  const wide = new HostStack({ limitMs: LIMIT_MS, policy: parseNetPolicy('192.0.2.0/24') });
  try {
    const u = ok(await wide.socket(AF_INET, SOCK_DGRAM, 0, 0, 0), 'socket');
    // Port 0 is rejected by Node before anything is sent: the point is only that the policy let it through.
    const r = await wide.sendTo(u, [{ kind: 'bytes', bytes: Uint8Array.of(1) }], 0, addr('192.0.2.1', 0), 'ok');
    assert.doesNotMatch(r.ok === 'stop' ? r.message : r.ok === false ? r.detail : '', /native run refused/);
  } finally {
    await wide.dispose();
  }
});

test('a blocking call that nothing can complete stops at the wall-clock limit', async () => {
  const stack = new HostStack({ limitMs: 400 });
  try {
    const l = await listener(stack);
    const t0 = Date.now();
    const r = await stack.accept(l.handle, { kind: 'null' }, false);
    assert.equal(r.ok, 'stop');
    assert.match(r.ok === 'stop' ? r.message : '', /wall-clock limit \(400 ms\)/);
    assert.ok(Date.now() - t0 < 2000);
  } finally {
    await stack.dispose();
  }
});

test('connect data and QoS are not invented: the connection is made and the detail says what was not expressible', async () => {
  const stack = new HostStack({ limitMs: LIMIT_MS });
  try {
    const l = await listener(stack);
    const s = ok(await stack.socket(AF_INET, SOCK_STREAM, 0, 0, 0), 'socket');
    let delivered: Uint8Array | null = null;
    const r = await stack.connect(s, {
      ...connectArgs(addr('127.0.0.1', l.port)),
      callerData: { kind: 'bytes', bytes: Uint8Array.of(1, 2, 3) },
      calleeData: { kind: 'buffer', capacity: 16, deliver: (d) => (delivered = d) },
    });
    assert.equal(r.ok, true);
    assert.match(r.ok === true ? r.detail : '', /not expressible on host: lpCallerData \(3 bytes\) was not sent/);
    assert.equal(delivered, null, 'lpCalleeData->len is not set to a value the host never produced');
  } finally {
    await stack.dispose();
  }
});

test('the interpreter runs a snippet on the host stack through wsplint run --stack host', async () => {
  const port = await freePort();
  const source = `// wsplint:snippet hosted
void hosted(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err);
    to.sin_port = htons(${port});
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err);
    printf("%d\\n", err);
    WSPCloseSocket(s, &err);
}
`;
  const report = await runSource(source, { stack: 'host', timeoutMs: LIMIT_MS });
  const r = report.snippets[0];
  assert.equal(r.stack, 'host');
  assert.equal(r.error, null);
  assert.deepEqual(
    r.calls.map((c) => [c.line, c.call, c.returned === -1 ? -1 : 'ok', c.error]),
    [
      [6, 'WSPSocket', 'ok', null],
      [9, 'WSPConnect', -1, 'WSAECONNREFUSED'],
      [11, 'WSPCloseSocket', 'ok', null],
    ],
  );
  assert.deepEqual(r.output, ['10061']);
});
