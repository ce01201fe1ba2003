/**
 * The snippet sandbox (reference runtime): step budget, memory budget, wall-clock limit and an output
 * limit stop a snippet with a clear message; a snippet on the simulated stack cannot reach files,
 * processes or the network (checked by trapping Node's fs, net, dgram, dns, child_process and worker
 * modules while it runs); native runs reach loopback only unless configured, and stop at their limit.
 * The compiled (winsock) stack: test/reliability/sandbox-winsock.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSource } from '../../runtime/src/runner';
import type { SnippetResult } from '../../runtime/src/types';
import { ROOT } from './fuzz-run';
import { BIG_LOCAL, ESCAPES, FLOOD, INFINITE_LOOP, MALLOC_LOOP, PUBLIC_CONNECT, SLOW_STEPS, snippet, WIDTH_BOMB } from './sandbox-snippets';

async function one(source: string, options: Parameters<typeof runSource>[1] = {}): Promise<SnippetResult> {
  const report = await runSource(source, options);
  assert.equal(report.snippets.length, 1);
  return report.snippets[0];
}

/** `wsplint run` in a child process, so that a snippet the sandbox fails to stop is killed, not waited for. */
function cliRun(source: string, args: string[] = [], killAfterMs = 60_000): { code: number | null; stdout: string; stderr: string; ms: number; killed: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'wsplint-sandbox-'));
  try {
    const file = join(dir, 'snippet.c');
    writeFileSync(file, source);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=1024', join(ROOT, 'bin', 'wsplint.js'), 'run', file, '--format', 'json', ...args], { encoding: 'utf8', timeout: killAfterMs, maxBuffer: 64 * 1024 * 1024 });
    return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t0, killed: r.signal !== null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function errorOf(run: ReturnType<typeof cliRun>): string {
  assert.equal(run.killed, false, `the run had to be killed after ${run.ms} ms: the sandbox did not stop it (${run.stderr.slice(-500)})`);
  const report = JSON.parse(run.stdout) as { snippets: SnippetResult[] };
  return report.snippets[0]?.error ?? '';
}

test('step budget: an endless loop stops with the budget named (default and per run)', async () => {
  assert.match((await one(INFINITE_LOOP)).error ?? '', /step budget of 200000 exhausted/);
  assert.match((await one(INFINITE_LOOP, { budget: 1000 })).error ?? '', /step budget of 1000 exhausted/);
});

test('memory budget: allocation in a loop and a huge local stop at 64 MB', async () => {
  assert.match((await one(MALLOC_LOOP)).error ?? '', /more than 64 MB of memory/);
  assert.match((await one(BIG_LOCAL)).error ?? '', /more than 64 MB of memory/);
});

test('wall-clock limit: a snippet of few but slow steps stops at --timeout, in the simulated stack too', () => {
  const run = cliRun(SLOW_STEPS, ['--timeout', '1500'], 60_000);
  assert.match(errorOf(run), /wall-clock limit of 1500 ms/);
  assert.ok(run.ms < 15_000, `stopped after ${run.ms} ms`);
});

test('output limit: a snippet that prints without end stops before holding hundreds of MB', () => {
  const run = cliRun(FLOOD, [], 60_000);
  assert.match(errorOf(run), /printed more than \d+ MB/);
});

test('a printf width of a billion is refused, not allocated', async () => {
  const r = await one(WIDTH_BOMB);
  assert.match(r.error ?? '', /printf: a width or precision of 1000000000/);
  assert.doesNotMatch(r.error ?? '', /internal error/);
});

test('no way out: file, process, loader and name-service functions are not callable', async () => {
  for (const [name, body] of Object.entries(ESCAPES)) {
    const r = await one(snippet(`try_${name}`, body));
    assert.match(r.error ?? '', /call to unknown function|not supported: call through the function pointer|unknown type|function-like macro/, `${name}: ${r.error}`);
    assert.equal(r.calls.length, 0, name);
  }
});

type Trap = { module: string; fn: string };

/**
 * Replaces every function of the modules that reach outside the process with one that records the call.
 * The real module objects (require), not the bundler's namespace copies: code reads through to them.
 */
function trapOutsideWorld(): { calls: Trap[]; restore: () => void } {
  const calls: Trap[] = [];
  const restores: Array<() => void> = [];
  const real = (id: string): Record<string, unknown> => require(id) as Record<string, unknown>;
  const modules: [string, Record<string, unknown>][] = ['fs', 'fs/promises', 'net', 'dgram', 'dns', 'child_process', 'worker_threads', 'http', 'https'].map((m) => [m, real(`node:${m}`)]);
  for (const [name, mod] of modules) {
    for (const key of Object.keys(mod)) {
      const original = mod[key];
      if (typeof original !== 'function') continue;
      const desc = Object.getOwnPropertyDescriptor(mod, key);
      if (!desc || (!desc.writable && !desc.set && !desc.configurable)) continue;
      const wrapped = function (this: unknown, ...args: unknown[]): unknown {
        calls.push({ module: name, fn: key });
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
      try {
        Object.defineProperty(mod, key, { ...desc, value: wrapped });
        restores.push(() => Object.defineProperty(mod, key, desc));
      } catch {
        // A frozen export cannot be trapped; the others still are.
      }
    }
  }
  const socketConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    calls.push({ module: 'net', fn: 'Socket.connect' });
    return (socketConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof socketConnect;
  restores.push(() => (net.Socket.prototype.connect = socketConnect));
  return { calls, restore: () => restores.reverse().forEach((r) => r()) };
}

test('the simulated stack never touches the outside world: no fs, net, dgram, dns or process call while snippets run', async () => {
  // Warm up: loading the grammar reads its .wasm file, which is not the snippet's doing.
  await one(snippet('warm', '    int x = 1;'));
  const trap = trapOutsideWorld();
  const results: SnippetResult[] = [];
  try {
    results.push(await one(PUBLIC_CONNECT));
    for (const [name, body] of Object.entries(ESCAPES)) results.push(await one(snippet(`try_${name}`, body)));
    results.push(await one(INFINITE_LOOP, { budget: 5000 }));
  } finally {
    trap.restore();
  }
  assert.deepEqual(trap.calls, [], `calls that reach outside: ${JSON.stringify(trap.calls.slice(0, 10))}`);
  // The trap itself works: it does see a real call.
  const check = trapOutsideWorld();
  try {
    existsSync(ROOT);
  } finally {
    check.restore();
  }
  assert.deepEqual(check.calls, [{ module: 'fs', fn: 'existsSync' }]);
  // And the public connect really ran, against the simulated network.
  assert.ok(results[0].calls.some((c) => c.call === 'connect'), JSON.stringify(results[0]));
});

test('native (host) stack: loopback only unless allowed, and a blocking call stops at the time limit', async () => {
  const away = snippet(
    'away',
    [
      '    struct sockaddr_in a = { AF_INET };',
      '    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);',
      '    a.sin_port = htons(80);',
      '    a.sin_addr.s_addr = htonl(0xC0000201);',
      '    connect(s, (struct sockaddr *)&a, sizeof(a));',
    ].join('\n'),
  );
  const refused = await one(away, { stack: 'host', timeoutMs: 3000 });
  assert.match(refused.error ?? '', /native run refused: connect to 192\.0\.2\.1:80 would leave this machine/);
  const allowed = await one(away, { stack: 'host', timeoutMs: 1500, allowNet: '192.0.2.0/24' });
  assert.doesNotMatch(allowed.error ?? '', /native run refused/);

  const blocked = snippet(
    'blocked',
    [
      '    struct sockaddr_in a = { AF_INET };',
      '    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);',
      '    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);',
      '    bind(l, (struct sockaddr *)&a, sizeof(a));',
      '    listen(l, 1);',
      '    accept(l, NULL, NULL);',
    ].join('\n'),
  );
  const t0 = Date.now();
  const r = await one(blocked, { stack: 'host', timeoutMs: 700 });
  assert.match(r.error ?? '', /wall-clock limit \(700 ms\)/);
  assert.ok(Date.now() - t0 < 5000);
});
