/** Suppression comments and settings changes, end to end over JSON-RPC. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { applyTextEdits, ROOT, TestClient, uriOf } from './lsp-client';

const FIXTURE = readFileSync(join(ROOT, 'test', 'lsp', 'fixtures', 'connect-errno.c'), 'utf8');
const SUPPRESSED = FIXTURE.replace('    if (s == INVALID_SOCKET) {\n', '    if (s == INVALID_SOCKET) {\n        // wsplint-disable-next-line errno-not-set: the dispatcher sets it for invalid sockets\n');
const TYPO = FIXTURE.replace('    return 0;\n', '    // wsplint-disable-next-line errno-not-sett: typo\n    return 0;\n');

let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

test('a disable-next-line comment hides the finding and reports nothing else', async () => {
  const uri = uriOf('suppressed.c');
  assert.notEqual(SUPPRESSED, FIXTURE);
  await client.open(uri, SUPPRESSED);
  const diags = await client.diagnostics(uri);
  assert.deepEqual(diags.map((d) => d.code), []);
});

test('an unknown rule and an unused suppression are reported; the quick fix removes the comment', async () => {
  const uri = uriOf('typo.c');
  await client.open(uri, TYPO);
  const diags = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-suppression'));
  const unknown = diags.find((d) => d.code === 'unknown-suppression');
  assert.match(unknown?.message ?? '', /did you mean "errno-not-set"/);
  assert.ok(diags.some((d) => d.code === 'errno-not-set'), 'the real finding is still there');
  assert.ok(unknown);
  const actions = await client.codeActions(uri, unknown.range, [unknown]);
  const remove = actions.find((a) => a.title === 'Remove this suppression comment');
  assert.ok(remove, actions.map((a) => a.title).join(' | '));
  assert.equal(applyTextEdits(TYPO, remove.edit?.changes?.[uri] ?? []), FIXTURE);
});

test('settings: per-rule severity, then off, pulled after didChangeConfiguration', async () => {
  const uri = uriOf('settings.c');
  await client.open(uri, FIXTURE);
  const first = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'errno-not-set'));
  assert.equal(first.find((d) => d.code === 'errno-not-set')?.severity, DiagnosticSeverity.Error);
  let mark = client.mark();
  await client.configure({ severity: { 'errno-not-set': 'info' } });
  const info = await client.diagnostics(uri, () => true, 15000, mark);
  assert.equal(info.find((d) => d.code === 'errno-not-set')?.severity, DiagnosticSeverity.Information);
  mark = client.mark();
  await client.configure({ severity: { 'errno-not-set': 'off' } });
  assert.deepEqual((await client.diagnostics(uri, () => true, 15000, mark)).map((d) => d.code), []);
  mark = client.mark();
  await client.configure({ enable: false });
  assert.deepEqual(await client.diagnostics(uri, () => true, 15000, mark), []);
  mark = client.mark();
  await client.configure({ severity: { 'errno-not-set': 'bogus' }, maxFiles: -3 });
  const back = await client.diagnostics(uri, () => true, 15000, mark);
  assert.equal(back.find((d) => d.code === 'errno-not-set')?.severity, DiagnosticSeverity.Error, 'invalid values fall back to defaults');
  assert.ok(client.log.some((l) => /wsplint\.severity\.errno-not-set: "bogus" is not one of/.test(l)), 'and are logged');
});

test('settings pushed by a client that does not answer workspace/configuration', async () => {
  const c = await TestClient.start({ pullConfiguration: false, settings: { severity: { 'errno-not-set': 'warning' } } });
  try {
    const uri = uriOf('pushed.c');
    await c.open(uri, FIXTURE);
    const d = await c.diagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'errno-not-set'));
    assert.equal(d.find((x) => x.code === 'errno-not-set')?.severity, DiagnosticSeverity.Warning);
    const mark = c.mark();
    await c.configure({ severity: { 'errno-not-set': 'off' } });
    assert.deepEqual(await c.diagnostics(uri, () => true, 15000, mark), []);
  } finally {
    await c.stop();
  }
});

test('settings: extra macro names are blanked before parsing (wsplint.macros)', async () => {
  const text = FIXTURE.replace('LPINT lpErrno)', 'LPINT VENDOR_OUT lpErrno)').replace('    if (s == INVALID_SOCKET) {', '    VENDOR_TRACE if (s == INVALID_SOCKET) {');
  const uri = uriOf('macros.c');
  let mark = client.mark();
  await client.configure({});
  await client.open(uri, text);
  const before = await client.diagnostics(uri, () => true, 15000, mark);
  assert.ok(before.some((d) => d.code === 'parse-health'), `unknown macros break the parse: ${before.map((d) => d.code).join(', ')}`);
  mark = client.mark();
  await client.configure({ macros: ['VENDOR_OUT', 'VENDOR_TRACE'] });
  const after = await client.diagnostics(uri, () => true, 15000, mark);
  assert.deepEqual(after.map((d) => d.code), ['errno-not-set']);
  assert.equal(after[0].range.start.line, text.split('\n').findIndex((l, i, all) => l.includes('return SOCKET_ERROR;') && all[i - 1].includes('INVALID_SOCKET')));
});
