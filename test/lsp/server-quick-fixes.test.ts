/**
 * Quick fixes over JSON-RPC with the real analysis: each golden input, fixed by the named action, equals
 * its golden output, and the finding is gone after the change. Also fix-all and "open rule docs".
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { FIX_CASES, LAYOUTS } from './fix-cases';
import { applyTextEdits, ROOT, TestClient, uriOf } from './lsp-client';

const GOLDEN = join(ROOT, 'test', 'lsp', 'golden');
let client: TestClient;
let version = 1;

before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

function editsOf(action: CodeAction, uri: string): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, `action "${action.title}" has edits for the document`);
  return JSON.stringify(edits);
}

async function openAndFind(uri: string, text: string, rule: string, line: number): Promise<Diagnostic> {
  await client.open(uri, text, 'c', version++);
  const diags = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === rule && d.range.start.line === line));
  const d = diags.find((x) => x.code === rule && x.range.start.line === line);
  assert.ok(d);
  return d;
}

const layouts = LAYOUTS.filter((l) => l.name === 'lf-spaces' || l.name === 'crlf-tabs');
for (const c of FIX_CASES) {
  for (const layout of layouts) {
    test(`quick fix ${c.name} (${layout.name}) over LSP gives the golden text and clears the finding`, async () => {
      const input = layout.apply(readFileSync(join(GOLDEN, `${c.name}.c`), 'utf8'));
      const expected = layout.apply(readFileSync(join(GOLDEN, `${c.name}.fixed.c`), 'utf8'));
      const uri = uriOf(`golden-${c.name}-${layout.name}.c`);
      const line = lineAt(input, c.anchor(input));
      const d = await openAndFind(uri, input, c.rule, line);
      const actions = await client.codeActions(uri, d.range, [d]);
      const chosen = actions.filter((a) => a.title.includes(c.title));
      assert.equal(chosen.length, 1, `one action titled *${c.title}* among: ${actions.map((a) => a.title).join(' | ')}`);
      editsOf(chosen[0], uri);
      const output = applyTextEdits(input, chosen[0].edit?.changes?.[uri] ?? []);
      assert.equal(output, expected);
      // Beside every fix: disable for this line, and the rule's docs.
      assert.ok(actions.some((a) => a.title === `Disable ${c.rule} for this line`));
      assert.ok(actions.some((a) => a.command?.command === 'wsplint.openRuleDocs' && a.command.arguments?.[0] === c.rule));

      const v = version++;
      await client.replace(uri, output, v);
      const left = await client.diagnostics(uri, (p) => p.version === v);
      assert.deepEqual(left.filter((x) => x.code === c.rule).map((x) => x.range.start.line), [], `${c.rule} is gone after the fix`);
      await client.close(uri);
    });
  }
}

test('source.fixAll.wsplint applies every safe fix at once (resolved lazily)', async () => {
  const input = readFileSync(join(GOLDEN, 'replace-posix-code.c'), 'utf8')
    .replace('    if (lpCalleeData != NULL) {\n        lpCalleeData->len = 0;\n    }\n', '')
    .replace('        *lpErrno = WSAENOTSOCK;\n', '');
  const uri = uriOf('fix-all.c');
  await client.open(uri, input, 'c', version++);
  const before = await client.diagnostics(uri, (p) => p.diagnostics.length >= 3);
  assert.deepEqual(before.map((d) => d.code).sort(), ['callee-len-not-set', 'errno-not-set', 'non-wsa-error']);
  const whole = { start: { line: 0, character: 0 }, end: { line: input.split('\n').length, character: 0 } };
  const [fixAll] = await client.codeActions(uri, whole, [], ['source.fixAll']);
  assert.equal(fixAll?.kind, 'source.fixAll.wsplint');
  assert.equal(fixAll.edit, undefined, 'the edit is computed on resolve');
  const resolved = await client.resolve(fixAll);
  const output = applyTextEdits(input, resolved.edit?.changes?.[uri] ?? []);
  const v = version++;
  await client.replace(uri, output, v);
  assert.deepEqual(await client.diagnostics(uri, (p) => p.version === v), []);
  assert.match(output, /\*lpErrno = WSAECONNREFUSED;/);
  assert.match(output, /lpCalleeData->len = 0;/);
  // The lightbulb (no `only`) does not carry fix-all: it is a source action.
  assert.ok(!(await client.codeActions(uri, whole, [])).some((a) => a.kind === 'source.fixAll.wsplint'));
});

test('open rule docs: the command answers with the rule page', async () => {
  const r = await client.connection.sendRequest('workspace/executeCommand', { command: 'wsplint.openRuleDocs', arguments: ['errno-not-set'] });
  assert.match(String(r), /docs\/rules\/errno-not-set\.md$/);
  const bad = await client.connection.sendRequest('workspace/executeCommand', { command: 'wsplint.openRuleDocs', arguments: ['no-such-rule'] });
  assert.equal(bad, null);
});
