/// <reference types="mocha" />
/**
 * The Run lens above a `// wsplint:snippet` function, the inline results its run leaves at the end of
 * each call's line, the hover that explains a result, and results going away when the snippet is edited.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, openFixture, revertAndClose, waitForDiagnostics, workspaceRoot } from './support/fixtures';
import { waitFor } from './support/wait';

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

function titles(ls: readonly vscode.CodeLens[]): string {
  return ls.map((l) => `"${l.command?.title ?? '(unresolved)'}"@${l.range.start.line + 1}`).join(', ') || 'no lenses';
}

function labelText(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

async function inlayHints(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, whole)) ?? [];
}

function describeHints(hs: readonly vscode.InlayHint[]): string {
  return hs.map((h) => `${h.position.line + 1}: ${labelText(h)}`).join('; ') || 'no inlay hints';
}

/** The snippet's Run (simulated) lens, once the server is up. */
async function runLens(doc: vscode.TextDocument): Promise<vscode.CodeLens> {
  // Once the server has published findings for a provider fixture it is up, and an empty lens list is an answer.
  const provider = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'errno-not-set.c'));
  await waitForDiagnostics(provider.uri, 'the language server to answer (findings on errno-not-set.c)', (ds) => ds.length > 0);
  let seen: vscode.CodeLens[] = [];
  return waitFor(
    'a "Run (simulated)" lens on snippet.c',
    async () => {
      seen = await lenses(doc.uri);
      return seen.find((l) => /Run \(simulated\)/.test(l.command?.title ?? ''));
    },
    { timeoutMs: 60_000, describe: () => titles(seen) },
  );
}

/** Clicks the lens (executes its command as the editor would) and waits for the refused connect inline. */
async function runAndWait(doc: vscode.TextDocument, lens: vscode.CodeLens): Promise<vscode.InlayHint[]> {
  assert.ok(lens.command, 'the Run lens has no command');
  await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
  const connectLine = lineOf(doc, '= connect(');
  let seen: vscode.InlayHint[] = [];
  return waitFor(
    'an inline WSAECONNREFUSED result on the connect line',
    async () => {
      seen = await inlayHints(doc);
      return seen.some((h) => h.position.line === connectLine && /WSAECONNREFUSED/.test(labelText(h))) ? seen : undefined;
    },
    { timeoutMs: 60_000, describe: () => describeHints(seen) },
  );
}

describe('Run lens and inline results', () => {
  afterEach(revertAndClose);

  it('lenses sit above the snippet function and nowhere else', async function () {
    const doc = await openFixture('snippet.c');
    const lens = await runLens(doc);
    const marker = lineOf(doc, '// wsplint:snippet');
    const fn = lineOf(doc, 'void refused_connect(void)');
    assert.ok(lens.range.start.line >= marker && lens.range.start.line <= fn, `Run lens at line ${lens.range.start.line + 1}, not on the snippet (lines ${marker + 1}-${fn + 1})`);
    const all = await lenses(doc.uri);
    const helper = lineOf(doc, 'int not_a_snippet(int x)');
    assert.deepEqual(all.filter((l) => l.range.start.line >= helper).map((l) => l.command?.title), [], 'a lens above a function that is not a snippet');
    const names = all.map((l) => l.command?.title ?? '');
    assert.ok(names.some((t) => /Run \(native\)/.test(t)), `no "Run (native)" lens: ${titles(all)}`);
    assert.ok(names.some((t) => /Compare/.test(t)), `no "Compare" lens: ${titles(all)}`);
  });

  it('clicking Run (simulated) puts each call result at the end of its line', async function () {
    const doc = await openFixture('snippet.c');
    const hints = await runAndWait(doc, await runLens(doc));
    const connectLine = lineOf(doc, '= connect(');
    const socketLine = lineOf(doc, 'SOCKET s = socket(');
    const onConnect = hints.filter((h) => h.position.line === connectLine);
    assert.equal(labelText(onConnect[0]), '→ SOCKET_ERROR · WSAECONNREFUSED (10061)');
    // At the end of the call's line, so that the code itself is not pushed around.
    assert.equal(onConnect[0].position.character, doc.lineAt(connectLine).text.length, 'the result is not at the end of the line');
    assert.ok(hints.some((h) => h.position.line === socketLine), 'the socket() call has no result');
    assert.deepEqual(
      hints.filter((h) => h.position.line === lineOf(doc, 'closesocket(s);')).map(labelText),
      ['→ 0'],
    );
    assert.ok(!hints.some((h) => h.position.line < lineOf(doc, 'void refused_connect(void)')), 'a result above the snippet');
  });

  it('a hover on a result line gives the detail and the spec sentence; editing the snippet clears its results', async function () {
    const doc = await openFixture('snippet.c');
    await runAndWait(doc, await runLens(doc));
    const connectLine = lineOf(doc, '= connect(');
    const pos = new vscode.Position(connectLine, doc.lineAt(connectLine).text.indexOf('connect(') + 2);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /refused the connection/, 'the stack detail');
    assert.match(text, /WSPConnect\*\*, `WSAECONNREFUSED`: An attempt to connect was rejected/, 'the WSPConnect page sentence');

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === doc, 'snippet.c is not the active editor');
    const printf = lineOf(doc, 'printf(');
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(printf, 0), '    rc = 0;\n')), 'the edit was not applied');
    let seen: vscode.InlayHint[] = [];
    await waitFor('the inline results to go once the snippet is edited', async () => ((seen = await inlayHints(doc)).length === 0 ? true : undefined), {
      timeoutMs: 30_000,
      describe: () => describeHints(seen),
    });
  });
});
