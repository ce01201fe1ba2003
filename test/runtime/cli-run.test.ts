// `wsplint run` command logic: options, formats, exit codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCommand } from '../../runtime/src/cli-run';

const FILE = `// wsplint:net 10.0.0.5:80 refuse
// wsplint:snippet first
void first(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err);
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err);
    printf("err=%d\\n", err);
}

// wsplint:snippet second
void second(void)
{
    for (;;) { }
}
`;

async function cli(argv: string[], files: Record<string, string> = { 'a.c': FILE }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCommand(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readFile: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: ${p}`);
      return files[p];
    },
  });
  return { code, out, err };
}

test('json output has the documented shape, one entry per snippet; a stopped snippet makes the exit code 2', async () => {
  const r = await cli(['a.c', '--format', 'json']);
  assert.equal(r.code, 2);
  const report = JSON.parse(r.out) as { version: number; snippets: { name: string; line: number; stack: string; calls: Record<string, unknown>[]; events: unknown[]; output: string[]; error: string | null }[] };
  assert.equal(report.version, 1);
  assert.deepEqual(report.snippets.map((s) => s.name), ['first', 'second']);
  const first = report.snippets[0];
  assert.equal(first.stack, 'simulated');
  assert.equal(first.line, 3);
  assert.deepEqual(Object.keys(first.calls[1]).sort(), ['call', 'code', 'detail', 'error', 'line', 'returned']);
  assert.deepEqual({ ...first.calls[1], detail: undefined }, { line: 10, call: 'WSPConnect', returned: -1, error: 'WSAECONNREFUSED', code: 10061, detail: undefined });
  assert.deepEqual(first.output, ['err=10061']);
  assert.equal(first.error, null);
  assert.match(report.snippets[1].error ?? '', /step budget/);
});

test('--snippet runs one snippet; every snippet ran means exit 0; text output names calls and codes', async () => {
  const r = await cli(['a.c', '--snippet', 'first']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /snippet first \(line 3\), simulated stack, spec profile/);
  assert.match(r.out, /10\s+WSPConnect\s+-> SOCKET_ERROR\s+WSAECONNREFUSED \(10061\)/);
  assert.match(r.out, /output:\n\s+err=10061/);
});

test('--profile windows is reported in the result', async () => {
  const r = await cli(['a.c', '--snippet=first', '--profile=windows', '--format=json']);
  assert.equal(JSON.parse(r.out).snippets[0].profile, 'windows');
});

test('usage errors and unavailable stacks exit with 2 and say why', async () => {
  for (const [argv, why] of [
    [[], /no file given/],
    [['a.c', '--profile', 'linux'], /--profile must be spec or windows/],
    [['a.c', '--format', 'xml'], /--format must be text or json/],
    [['a.c', '--bogus'], /unknown option --bogus/],
    [['a.c', '--snippet', 'nope'], /no snippet named "nope" \(snippets: first, second\)/],
    [['a.c', '--stack', 'quantum'], /--stack must be simulated, host, winsock or native/],
    [['missing.c'], /cannot read missing.c/],
  ] as [string[], RegExp][]) {
    const r = await cli(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, why);
  }
  const none = await cli(['b.c'], { 'b.c': 'int main(void) { return 0; }\n' });
  assert.equal(none.code, 2);
  assert.match(none.err, /no snippet found/);
});

test('--help prints the usage and exits 0', async () => {
  const r = await cli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /usage: wsplint run <file>/);
});
