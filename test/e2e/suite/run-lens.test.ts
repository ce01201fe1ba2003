/// <reference types="mocha" />
/**
 * The Run lens above a `// wsplint:snippet` function, and the inline results its run leaves at the end of
 * each call's line. Pending while test/e2e/pending.json lists "run-lens" (issue 5 not built yet).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, openFixture, revertAndClose, waitForDiagnostics, workspaceRoot } from './support/fixtures';
import { pendingFeature, skipWithReason } from './support/pending';
import { waitFor } from './support/wait';

const FEATURE = 'run-lens';
/** How long an absent lens is waited for before a pending feature is declared absent. */
const ABSENT_AFTER_MS = 10_000;

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

function titles(ls: readonly vscode.CodeLens[]): string {
  return ls.map((l) => `"${l.command?.title ?? '(unresolved)'}"@${l.range.start.line + 1}`).join(', ') || 'no lenses';
}

function labelText(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

/** The snippet's Run (simulated) lens, or: skip when the feature is pending and absent, fail when pending but present. */
async function runLens(ctx: Mocha.Context, doc: vscode.TextDocument): Promise<vscode.CodeLens> {
  const pending = pendingFeature(FEATURE);
  // Once the server has published findings for a provider fixture it is up, and an empty lens list is an answer.
  const provider = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'errno-not-set.c'));
  await waitForDiagnostics(provider.uri, 'the language server to answer (findings on errno-not-set.c)', (ds) => ds.length > 0);
  let seen: vscode.CodeLens[] = [];
  const find = async (): Promise<vscode.CodeLens | undefined> => {
    seen = await lenses(doc.uri);
    return seen.find((l) => /Run \(simulated\)/.test(l.command?.title ?? ''));
  };
  if (pending) {
    let lens: vscode.CodeLens | undefined;
    try {
      lens = await waitFor('a Run lens', find, { timeoutMs: ABSENT_AFTER_MS });
    } catch {
      skipWithReason(ctx, `${pending} (no Run lens within ${ABSENT_AFTER_MS} ms: ${titles(seen)})`);
    }
    assert.fail(`the Run lens exists now (${titles(seen)}): remove "${FEATURE}" from test/e2e/pending.json so its checks must pass; lens at line ${lens.range.start.line + 1}`);
  }
  return waitFor('a "Run (simulated)" lens on snippet.c', find, { timeoutMs: 60_000, describe: () => titles(seen) });
}

describe('Run lens and inline results', () => {
  afterEach(revertAndClose);

  it('lenses sit above the snippet function and nowhere else', async function () {
    const doc = await openFixture('snippet.c');
    const lens = await runLens(this, doc);
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
    const lens = await runLens(this, doc);
    assert.ok(lens.command, 'the Run lens has no command');
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));

    const connectLine = lineOf(doc, '// result: WSAECONNREFUSED');
    const socketLine = lineOf(doc, 'SOCKET s = socket(');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    let seen: vscode.InlayHint[] = [];
    const hints = await waitFor(
      'an inline WSAECONNREFUSED result on the connect line',
      async () => {
        seen = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, whole)) ?? [];
        return seen.some((h) => h.position.line === connectLine && /WSAECONNREFUSED/.test(labelText(h))) ? seen : undefined;
      },
      { timeoutMs: 60_000, describe: () => seen.map((h) => `${h.position.line + 1}: ${labelText(h)}`).join('; ') || 'no inlay hints' },
    );
    const onConnect = hints.filter((h) => h.position.line === connectLine);
    assert.match(labelText(onConnect[0]), /SOCKET_ERROR/);
    assert.match(labelText(onConnect[0]), /10061/);
    // At the end of the call's line, so that the code itself is not pushed around.
    assert.ok(onConnect[0].position.character >= doc.lineAt(connectLine).text.indexOf(';'), 'the result is not at the end of the call');
    assert.ok(hints.some((h) => h.position.line === socketLine), 'the socket() call has no result');
    assert.ok(!hints.some((h) => h.position.line < lineOf(doc, 'void refused_connect(void)')), 'a result above the snippet');
  });
});
