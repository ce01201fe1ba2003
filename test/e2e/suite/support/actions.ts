/** Code actions as the lightbulb offers them, applied the way VS Code applies them. */
import * as vscode from 'vscode';
import { waitFor } from './wait';

function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return typeof a.command !== 'string';
}

function newTexts(a: vscode.CodeAction): string[] {
  return (a.edit?.entries() ?? []).flatMap(([, edits]) => edits.map((e) => e.newText));
}

export function describeActions(actions: readonly vscode.CodeAction[]): string {
  if (actions.length === 0) return 'no code actions';
  return actions.map((a) => `"${a.title}" [${a.kind?.value ?? '?'}] inserts ${JSON.stringify(newTexts(a))}`).join('; ');
}

/** Code actions of `kind` for `range`, edits resolved. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind.value,
    100,
  );
  return (all ?? []).filter(isCodeAction);
}

/** Waits for a code action whose edit inserts text matching `pattern` (not a suppression comment). */
export async function waitForFix(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind, pattern: RegExp): Promise<vscode.CodeAction> {
  let seen: vscode.CodeAction[] = [];
  return waitFor(
    `a ${kind.value} action inserting ${pattern}`,
    async () => {
      seen = await codeActions(uri, range, kind);
      return seen.find((a) => newTexts(a).some((t) => pattern.test(t) && !t.includes('wsplint-disable')));
    },
    { timeoutMs: 30_000, describe: () => describeActions(seen) },
  );
}

export async function applyAction(a: vscode.CodeAction): Promise<void> {
  if (a.edit && !(await vscode.workspace.applyEdit(a.edit))) throw new Error(`workspace.applyEdit refused the edit of "${a.title}"`);
  if (a.command) await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
}
