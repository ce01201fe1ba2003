/**
 * The client's side of snippet runs: a command that inserts a snippet template at the cursor, and the
 * output channel where each run's printed output and summary go. The runs themselves are server
 * commands (the Run lenses), executed through the language client.
 */
import * as vscode from 'vscode';
import type { SnippetOutputParams } from '../../server/src/lsp/protocol';
import { SNIPPET_TEMPLATE } from './snippet-template';

export function insertSnippetTemplate(): Thenable<boolean> | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('wsplint: open a C file to insert a snippet into.');
    return undefined;
  }
  // At the start of the cursor's line: a snippet is a whole function.
  const at = new vscode.Position(editor.selection.active.line, 0);
  const before = at.line > 0 && editor.document.lineAt(at.line - 1).text.trim() !== '' ? '\n' : '';
  return editor.insertSnippet(new vscode.SnippetString(before + SNIPPET_TEMPLATE), at);
}

export class SnippetOutput implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('wsplint snippets');

  show(p: SnippetOutputParams): void {
    const file = vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri));
    this.channel.appendLine(`[${new Date().toLocaleTimeString()}] ${file}: ${p.summary}`);
    for (const line of p.output) this.channel.appendLine(`    ${line}`);
    // Printed output is what a user ran the snippet to see; a silent run does not take the panel.
    if (p.output.length > 0) this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
