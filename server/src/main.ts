/**
 * Transport only: the language server over stdio (`--stdio`) or node IPC (`--node-ipc`, what VS Code's
 * client uses), as chosen by the command line. Everything else is in ./lsp.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { attachServer, installCrashGuards } from './lsp/server';

const connection = createConnection(ProposedFeatures.all);
attachServer(connection);
installCrashGuards(connection);
connection.listen();
