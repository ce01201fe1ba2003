/**
 * Run lenses, the run command and its inline results over a real JSON-RPC connection: lenses sit above
 * snippets only, a run answers with results, inlay hints land on the calls' lines, edits invalidate
 * them, untrusted workspaces refuse native runs, and a runaway snippet is stopped by the time limit.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeLensRequest,
  ExecuteCommandRequest,
  InlayHintRequest,
  ShowMessageNotification,
  type CodeLens,
  type InlayHint,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { Commands, SnippetOutputNotification, WorkspaceTrustNotification, type RunSnippetArgs, type RunSnippetResult, type SnippetOutputParams } from '../../server/src/lsp/protocol';
import { ROOT, TestClient, uriOf } from './lsp-client';

const TEXT = readFileSync(join(ROOT, 'test', 'lsp', 'fixtures', 'snippets.c'), 'utf8');

/** 0-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `"${needle}" not in the text`);
  return i;
}

class RunClient {
  readonly outputs: SnippetOutputParams[] = [];
  readonly messages: string[] = [];
  constructor(readonly c: TestClient) {
    c.connection.onNotification(SnippetOutputNotification, (p) => this.outputs.push(p));
    c.connection.onNotification(ShowMessageNotification.type, (p) => this.messages.push(p.message));
  }
  /** Native runs use the host stack (Node's sockets): fast, and present on every machine, unlike Wine. */
  static async start(trusted: boolean | undefined, settings: Record<string, unknown> = {}): Promise<RunClient> {
    const all = { runNativeStack: 'host', ...settings };
    return new RunClient(await TestClient.start({ settings: all, initializationOptions: trusted === undefined ? undefined : { workspaceTrusted: trusted } }));
  }
  async lenses(uri: string): Promise<CodeLens[]> {
    return (await this.c.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  }
  async hints(uri: string, text: string): Promise<InlayHint[]> {
    const range = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    return (await this.c.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })) ?? [];
  }
  run(args: RunSnippetArgs): Promise<RunSnippetResult> {
    return this.c.connection.sendRequest(ExecuteCommandRequest.type, { command: Commands.runSnippet, arguments: [args] }) as Promise<RunSnippetResult>;
  }
}

function label(h: InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

function hintsByLine(hs: readonly InlayHint[]): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const h of hs) m.set(h.position.line, [...(m.get(h.position.line) ?? []), label(h)]);
  return m;
}

let rc: RunClient;
before(async () => {
  rc = await RunClient.start(true);
});
after(async () => {
  await rc.c.stop();
});

test('the server declares lenses, inlay hints and the run commands', () => {
  const caps = rc.c.initializeResult?.capabilities;
  assert.ok(caps?.codeLensProvider);
  assert.ok(caps?.inlayHintProvider);
  assert.deepEqual(caps?.executeCommandProvider?.commands.filter((c) => c !== Commands.openRuleDocs), [Commands.runSnippet, Commands.cancelRun]);
});

test('three lenses above each snippet function, none above the helper or the plain function', async () => {
  const uri = uriOf('snippets-lenses.c');
  await rc.c.open(uri, TEXT);
  const lenses = await rc.lenses(uri);
  const at = (line: number): (string | undefined)[] => lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title);
  const first = lineOf(TEXT, 'void refused_connect(void)');
  const second = lineOf(TEXT, 'void event_refused(void)');
  assert.deepEqual(at(first), ['▶ Run (simulated)', '▶ Run (native)', '⇄ Compare']);
  assert.deepEqual(at(second), ['▶ Run (simulated)', '▶ Run (native)', '⇄ Compare']);
  assert.equal(lenses.length, 6, `lenses elsewhere: ${JSON.stringify(lenses.map((l) => l.range.start.line))}`);
  const args = lenses[0].command?.arguments?.[0] as RunSnippetArgs;
  assert.equal(lenses[0].command?.command, Commands.runSnippet);
  assert.deepEqual(args, { uri, snippet: 'refused_connect', line: first, stack: 'simulated' });
  await rc.c.close(uri);
});

test('Run (simulated) answers the results and puts them at the end of each call line', async () => {
  const uri = uriOf('snippets-run.c');
  await rc.c.open(uri, TEXT);
  const refreshesBefore = rc.c.refreshes.filter((r) => r === 'inlayHint').length;
  const r = await rc.run({ uri, snippet: 'refused_connect', stack: 'simulated' });
  assert.equal(r.ok, true, r.error);
  assert.equal(r.results.length, 1);
  assert.equal(r.results[0].stack, 'simulated');
  const connect = r.results[0].calls.find((c) => c.call === 'connect');
  assert.equal(connect?.error, 'WSAECONNREFUSED');
  assert.ok(rc.c.refreshes.filter((x) => x === 'inlayHint').length > refreshesBefore, 'no workspace/inlayHint/refresh after the run');
  // Lenses are redrawn when the run starts (Stop) and when it ends (Run again).
  assert.deepEqual(rc.c.refreshes.slice(-3), ['codeLens', 'inlayHint', 'codeLens']);

  const hints = await rc.hints(uri, TEXT);
  const byLine = hintsByLine(hints);
  const connectLine = lineOf(TEXT, '// at: connect');
  assert.deepEqual(byLine.get(connectLine), ['→ SOCKET_ERROR · WSAECONNREFUSED (10061)']);
  assert.deepEqual(byLine.get(lineOf(TEXT, 'closesocket(s);')), ['→ 0']);
  assert.ok(byLine.get(lineOf(TEXT, '// at: socket'))?.[0]?.startsWith('→ '), 'socket() has a result');
  assert.deepEqual(
    [...byLine.keys()].filter((l) => l < lineOf(TEXT, 'void refused_connect') || l > lineOf(TEXT, 'void event_refused')),
    [],
    'a result outside the snippet',
  );
  const h = hints.find((x) => x.position.line === connectLine);
  assert.equal(h?.position.character, TEXT.split('\n')[connectLine].length, 'the hint is at the end of the line');
  assert.match((h?.tooltip as MarkupContent | undefined)?.value ?? '', /refused the connection/);

  const out = rc.outputs.find((o) => o.uri === uri && o.snippet === 'refused_connect');
  assert.deepEqual(out?.output, ['connect returned -1']);
  await rc.c.close(uri);
});

test('events appear on the line that waited, and the hover there explains them from the spec', async () => {
  const uri = uriOf('snippets-events.c');
  await rc.c.open(uri, TEXT);
  const r = await rc.run({ uri, snippet: 'event_refused', stack: 'simulated' });
  assert.equal(r.ok, true, r.error);
  const byLine = hintsByLine(await rc.hints(uri, TEXT));
  const wait = lineOf(TEXT, '// at: wait');
  assert.deepEqual(byLine.get(wait), ['→ WSA_WAIT_EVENT_0+0', 'FD_CONNECT (WSAECONNREFUSED)']);
  assert.deepEqual(byLine.get(lineOf(TEXT, '// at: would block')), ['→ SOCKET_ERROR · WSAEWOULDBLOCK (10035)']);

  const hover = await rc.c.hover(uri, wait, 8);
  const md = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  assert.match(md, /event `FD_CONNECT \(WSAECONNREFUSED\)` on socket \d+/);
  assert.match(md, /\*\*WSPEnumNetworkEvents\*\*, `FD_CONNECT` with `WSAECONNREFUSED`: An attempt to connect was forcefully rejected\./);
  const blocked = await rc.c.hover(uri, lineOf(TEXT, '// at: would block'), 8);
  assert.match((blocked?.contents as MarkupContent | undefined)?.value ?? '', /`WSPConnect` → `SOCKET_ERROR · WSAEWOULDBLOCK \(10035\)`: nonblocking connect/);
  await rc.c.close(uri);
});

test('editing the snippet drops its results; editing another snippet only moves them', async () => {
  const uri = uriOf('snippets-edit.c');
  await rc.c.open(uri, TEXT);
  assert.equal((await rc.run({ uri, snippet: 'refused_connect', stack: 'simulated' })).ok, true);
  assert.equal((await rc.run({ uri, snippet: 'event_refused', stack: 'simulated' })).ok, true);
  const connectLine = lineOf(TEXT, '// at: connect');
  const waitLine = lineOf(TEXT, '// at: wait');

  // Two lines added inside the first snippet: its results go, the second's move down by two.
  const edited = TEXT.replace('    printf("connect returned %d\\n", rc);', '    printf("connect returned %d\\n", rc);\n    rc = 0;\n    rc = 1;');
  assert.notEqual(edited, TEXT);
  await rc.c.replace(uri, edited, 2);
  const byLine = hintsByLine(await rc.hints(uri, edited));
  assert.equal(byLine.get(connectLine), undefined, 'the edited snippet still shows results');
  assert.deepEqual(byLine.get(waitLine + 2), ['→ WSA_WAIT_EVENT_0+0', 'FD_CONNECT (WSAECONNREFUSED)']);

  // The helper the first snippet calls is context: editing it makes every result stale.
  const helperEdited = edited.replace('return 9;', 'return 7;');
  await rc.c.replace(uri, helperEdited, 3);
  assert.deepEqual([...hintsByLine(await rc.hints(uri, helperEdited)).keys()], []);
  await rc.c.close(uri);
});

test('a run of a name that is not a snippet, or with bad arguments, is an answer, not a crash', async () => {
  const uri = uriOf('snippets-bad.c');
  await rc.c.open(uri, TEXT);
  const r = await rc.run({ uri, snippet: 'not_a_snippet', stack: 'simulated' });
  assert.equal(r.ok, false);
  assert.match(r.error ?? '', /no snippet named "not_a_snippet"/);
  const bad = (await rc.c.connection.sendRequest(ExecuteCommandRequest.type, { command: Commands.runSnippet, arguments: [{ uri, stack: 'fast' }] })) as RunSnippetResult;
  assert.match(bad.error ?? '', /snippet must be strings|stack must be one of/);
  await rc.c.close(uri);
});

test('a trusted workspace runs native: the host stack refuses the loopback connect for real', async () => {
  const uri = uriOf('snippets-native.c');
  await rc.c.open(uri, TEXT);
  const r = await rc.run({ uri, snippet: 'refused_connect', stack: 'native' });
  assert.equal(r.ok, true, r.error);
  assert.equal(r.results[0]?.stack, 'host');
  assert.equal(r.results[0]?.calls.find((c) => c.call === 'connect')?.error, 'WSAECONNREFUSED');
  assert.deepEqual(hintsByLine(await rc.hints(uri, TEXT)).get(lineOf(TEXT, '// at: connect')), ['→ SOCKET_ERROR · WSAECONNREFUSED (10061)']);
  await rc.c.close(uri);
});

test('an untrusted workspace refuses native and compare runs, allows simulated ones, until trust is granted', async () => {
  for (const trusted of [false, undefined]) {
    const u = await RunClient.start(trusted);
    try {
      const uri = uriOf(`snippets-untrusted-${String(trusted)}.c`);
      await u.c.open(uri, TEXT);
      for (const stack of ['native', 'host', 'winsock', 'compare'] as const) {
        const r = await u.run({ uri, snippet: 'refused_connect', stack });
        assert.equal(r.ok, false, `${stack} ran in an untrusted workspace`);
        assert.match(r.error ?? '', /off in an untrusted workspace/);
        assert.deepEqual(r.results, []);
      }
      assert.ok(u.messages.some((m) => /untrusted workspace/.test(m)), 'the user is told why');
      assert.equal((await u.run({ uri, snippet: 'refused_connect', stack: 'simulated' })).ok, true);
      await u.c.connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
      const after = await u.run({ uri, snippet: 'refused_connect', stack: 'native' });
      assert.equal(after.ok, true, after.error);
    } finally {
      await u.c.stop();
    }
  }
});

const RUNAWAY = `// wsplint:snippet budget=2000000000
void spin(void)
{
    unsigned long n = 0;
    for (;;) {
        n++;
    }
}
`;

test('a runaway snippet is stopped by the wall-clock limit, and the server keeps serving', async () => {
  const u = await RunClient.start(true, { runTimeoutMs: 1500 });
  try {
    const uri = uriOf('snippets-runaway.c');
    await u.c.open(uri, RUNAWAY + TEXT);
    const t0 = Date.now();
    const r = await u.run({ uri, snippet: 'spin', stack: 'simulated' });
    const took = Date.now() - t0;
    assert.equal(r.ok, false);
    assert.match(r.error ?? '', /wall-clock limit of 1500 ms/);
    assert.ok(took >= 1400 && took < 8000, `stopped after ${took} ms`);
    // The reason is shown at the snippet, and the server answers at once.
    const spinLine = lineOf(RUNAWAY, 'void spin(void)');
    assert.match(hintsByLine(await u.hints(uri, RUNAWAY + TEXT)).get(spinLine)?.[0] ?? '', /✖ the run passed its wall-clock limit/);
    const ok = await u.run({ uri, snippet: 'refused_connect', stack: 'simulated' });
    assert.equal(ok.ok, true, ok.error);
    assert.equal(u.c.exited, null);
  } finally {
    await u.c.stop();
  }
});

test('a run can be cancelled with the cancel command; its lens reads Stop while it runs', async () => {
  const u = await RunClient.start(true, { runTimeoutMs: 60000 });
  try {
    const uri = uriOf('snippets-cancel.c');
    await u.c.open(uri, RUNAWAY);
    const running = u.run({ uri, snippet: 'spin', stack: 'simulated' });
    let titles: string[] = [];
    for (let i = 0; i < 100 && !titles.some((t) => t.startsWith('■ Stop')); i++) {
      await new Promise((r) => setTimeout(r, 50));
      titles = (await u.lenses(uri)).map((l) => l.command?.title ?? '');
    }
    assert.deepEqual(titles, ['■ Stop (simulated run)', '▶ Run (native)', '⇄ Compare']);
    const stopped = await u.c.connection.sendRequest(ExecuteCommandRequest.type, { command: Commands.cancelRun, arguments: [{ uri, snippet: 'spin' }] });
    assert.equal(stopped, 1);
    const r = await running;
    assert.equal(r.ok, false);
    assert.match(r.error ?? '', /cancelled/);
    assert.deepEqual((await u.lenses(uri)).map((l) => l.command?.title), ['▶ Run (simulated)', '▶ Run (native)', '⇄ Compare']);
  } finally {
    await u.c.stop();
  }
});

test('Compare runs simulated and the native stack and marks the lines where they differ', async () => {
  const u = await RunClient.start(true);
  try {
    const uri = uriOf('snippets-compare.c');
    await u.c.open(uri, TEXT);
    const r = await u.run({ uri, snippet: 'refused_connect', stack: 'compare' });
    assert.equal(r.ok, true, r.error);
    assert.deepEqual(r.results.map((x) => x.stack), ['simulated', 'host']);
    const byLine = hintsByLine(await u.hints(uri, TEXT));
    const connectLine = lineOf(TEXT, '// at: connect');
    // Both stacks refuse a loopback port nobody listens on: the same answer, shown once.
    assert.deepEqual(byLine.get(connectLine), ['→ SOCKET_ERROR · WSAECONNREFUSED (10061)']);
    // Every difference the command reports is marked on its line, and only those lines are.
    const marked = [...byLine].filter(([, ls]) => ls.some((l) => l.startsWith('≠'))).map(([l]) => l + 1);
    assert.deepEqual(marked, (r.differences ?? []).map((d) => d.line));
    for (const d of r.differences ?? []) assert.notEqual(d.left, d.right);
  } finally {
    await u.c.stop();
  }
});

test('native runs reach loopback only by default; wsplint.runAllowNet reaches the runtime', async () => {
  const far = TEXT.replace('htonl(INADDR_LOOPBACK)', 'inet_addr("192.0.2.1")');
  assert.notEqual(far, TEXT);
  const uri = uriOf('snippets-far.c');
  await rc.c.open(uri, far);
  const r = await rc.run({ uri, snippet: 'refused_connect', stack: 'native' });
  assert.match(r.results[0]?.error ?? '', /would leave this machine; native runs may reach loopback only/);
  const connectLine = lineOf(far, '// at: connect');
  assert.match(hintsByLine(await rc.hints(uri, far)).get(connectLine)?.join(' ') ?? '', /✖ stopped: native run refused: connect to 192\.0\.2\.1:9/);
  await rc.c.close(uri);

  const u = await RunClient.start(true, { runAllowNet: 'not-an-address' });
  try {
    await u.c.open(uri, far);
    const bad = await u.run({ uri, snippet: 'refused_connect', stack: 'native' });
    assert.equal(bad.ok, false);
    assert.match(bad.error ?? '', /"not-an-address" is not an address/);
  } finally {
    await u.c.stop();
  }
});
