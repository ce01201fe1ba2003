/**
 * The VS Code extension: starts the language server (dist/server.js over node IPC) for C and C++ files,
 * shows its state in a language status item and its log in an output channel, and offers a command to
 * re-analyse the workspace. The analysis, fixes and hovers all come from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ReanalyzeWorkspaceRequest, StatusNotification } from '../../server/src/lsp/protocol';
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
  context.subscriptions.push(output, status);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    synchronize: {
      // Pushes the `wsplint` section on change; the server also pulls it per document.
      configurationSection: 'wsplint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{c,cc,cpp,cxx,h,hh,hpp,hxx,inl}'),
    },
  };
  client = new LanguageClient('wsplint', 'wsplint', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onNotification(StatusNotification, (p) => status.update(p)),
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
