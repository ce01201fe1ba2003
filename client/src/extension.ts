/**
 * The VS Code extension: starts the language server (dist/server.js over node IPC) for C and C++ files,
 * shows its state in a language status item and its log in an output channel, and offers commands to
 * re-analyse the workspace and to insert a snippet template. The analysis, fixes, hovers, Run lenses and
 * inline results all come from the server; snippet output goes to its own output channel.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ReanalyzeWorkspaceRequest, SnippetOutputNotification, StatusNotification, WorkspaceTrustNotification } from '../../server/src/lsp/protocol';
import { insertSnippetTemplate, SnippetOutput } from './snippet-commands';
import { StatusItem } from './status-item';

export const SELECTOR: { scheme: string; language: string }[] = [
  { scheme: 'file', language: 'c' },
  { scheme: 'file', language: 'cpp' },
  { scheme: 'untitled', language: 'c' },
  { scheme: 'untitled', language: 'cpp' },
];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('wsplint');
  const status = new StatusItem(SELECTOR);
  const snippetOutput = new SnippetOutput();
  context.subscriptions.push(output, status, snippetOutput);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    // Native snippet runs open real sockets or run compiled code: the server allows them only when told
    // the workspace is trusted (and again when trust is granted later).
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    synchronize: {
      // Pushes the `wsplint` section on change; the server also pulls it per document.
      configurationSection: 'wsplint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{c,cc,cpp,cxx,h,hh,hpp,hxx,inl}'),
    },
  };
  client = new LanguageClient('wsplint', 'wsplint', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onNotification(StatusNotification, (p) => status.update(p)),
    client.onNotification(SnippetOutputNotification, (p) => snippetOutput.show(p)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WorkspaceTrustNotification, { trusted: true })),
    vscode.commands.registerCommand('wsplint.insertSnippet', insertSnippetTemplate),
    vscode.commands.registerCommand('wsplint.reanalyzeWorkspace', async () => {
      if (!client) return;
      status.update({ state: 'scanning' });
      const r = await client.sendRequest(ReanalyzeWorkspaceRequest);
      void vscode.window.setStatusBarMessage(`wsplint: ${r.workspaceFiles} workspace files read, ${r.documents} open documents analysed`, 5000);
    }),
    vscode.commands.registerCommand('wsplint.showOutput', () => output.show(true)),
  );
  status.update({ state: 'analyzing' });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
