// `wsplint run` with native stacks: --stack host, --compare, --allow-net, --timeout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCommand } from '../../../runtime/src/cli-run';
import type { CompareReport } from '../../../runtime/src/native/compare';
import type { RunReport } from '../../../runtime/src/types';

/** A snippet with its own loopback listener; the second connect passes caller data. */
const FILE = `// wsplint:snippet data
void data(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in me = { AF_INET };
    char d[] = "hi";
    WSABUF caller = { 2, d };
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err);
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err);
    me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&me, sizeof(me), &err);
    WSPGetSockName(l, (struct sockaddr *)&me, &len, &err);
    WSPListen(l, 1, &err);
    WSPConnect(c, (struct sockaddr *)&me, sizeof(me), &caller, NULL, NULL, NULL, &err);
    WSPCloseSocket(c, &err);
}
`;

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCommand(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readFile: (p) => {
      if (p !== 'a.c') throw new Error(`ENOENT: ${p}`);
      return FILE;
    },
  });
  return { code, out, err };
}

test('--stack host runs the snippet on the machine\'s stack and says so in every result', async () => {
  const r = await cli(['a.c', '--stack', 'host', '--format', 'json', '--timeout', '5000']);
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out) as RunReport;
  assert.equal(report.snippets[0].stack, 'host');
  assert.equal(report.snippets[0].error, null);
  const connect = report.snippets[0].calls.find((c) => c.call === 'WSPConnect');
  assert.equal(connect?.returned, 0);
  assert.match(connect?.detail ?? '', /not expressible on host: lpCallerData \(2 bytes\)/);
});

test('--compare reports the call whose result differs, in text and JSON, and exits 1', async () => {
  const text = await cli(['a.c', '--compare', 'simulated,host']);
  assert.equal(text.code, 1, text.err);
  assert.match(text.out, /^a\.c: simulated \(spec\) compared with host\n/);
  assert.match(text.out, /snippet data \(line 2\): 6 call\(s\) agree, 1 differ/);
  assert.match(text.out, /line 14 WSPConnect: simulated -1 WSAEPROTONOSUPPORT \(10043\) \| host 0 \[not expressible on host/);

  const json = await cli(['a.c', '--compare', 'simulated,host', '--format', 'json']);
  assert.equal(json.code, 1);
  const report = JSON.parse(json.out) as CompareReport;
  assert.deepEqual(report.compare, ['simulated (spec)', 'host']);
  assert.equal(report.snippets.length, 1);
  const s = report.snippets[0];
  assert.deepEqual(s.stacks, ['simulated', 'host']);
  assert.deepEqual(
    s.calls.map((d) => [d.line, d.call, d.fields, d.a?.error ?? null, d.b?.returned ?? null]),
    [[14, 'WSPConnect', ['returned', 'error'], 'WSAEPROTONOSUPPORT', 0]],
  );
});

test('bad native options are usage errors (exit 2) that name the problem', async () => {
  const cases: [string[], RegExp][] = [
    [['a.c', '--compare', 'simulated,simulated'], /two different stacks/],
    [['a.c', '--compare', 'simulated'], /--compare needs two stacks/],
    [['a.c', '--compare', 'simulated,host', '--stack', 'host'], /cannot be used together/],
    [['a.c', '--timeout', '0'], /--timeout needs a number/],
    [['a.c', '--timeout', 'soon'], /--timeout needs a number/],
    [['a.c', '--stack', 'host', '--allow-net', '10.0.0.0/99'], /--allow-net: "10\.0\.0\.0\/99"/],
    [['a.c', '--stack', 'host', '--timeout', '999999999'], /time limit must be/],
  ];
  for (const [argv, message] of cases) {
    const r = await cli(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, message, argv.join(' '));
    assert.equal(r.out, '');
  }
});
