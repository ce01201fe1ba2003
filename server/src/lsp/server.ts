/**
 * Wires the connection to the handlers; the handlers live one per file beside this one. Every handler is
 * guarded: an exception is logged and answered with an empty result, so bad input never stops the server.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_IDS, ruleMeta, type RuleId } from '../core';
import { AnalysisSession } from './analysis-session';
import { codeActions, resolveCodeAction, type CodeActionDeps } from './code-actions';
import { ruleDocsUrl } from './convert';
import { DiagnosticsService } from './diagnostics';
import { DocumentPaths } from './document-paths';
import { hoverMarkdown } from './hover';
import { resultHover, resultInlayHints } from './inlay-hints';
import { consoleLogger, guarded } from './logger';
import { Commands, FIX_ALL_KIND, ReanalyzeWorkspaceRequest, WorkspaceTrustNotification } from './protocol';
import { SettingsStore } from './settings-store';
import { snippetLenses } from './snippet-lenses';
import { SnippetRuns } from './snippet-runs';
import { WorkspaceIndex } from './workspace-index';

export function attachServer(connection: Connection): void {
  const log = consoleLogger(connection.console);
  const documents = new TextDocuments(TextDocument);
  const paths = new DocumentPaths();
  let settings: SettingsStore | undefined;
  let diagnostics: DiagnosticsService | undefined;
  let workspace: WorkspaceIndex | undefined;
  let actionDeps: CodeActionDeps | undefined;
  let runs: SnippetRuns | undefined;
  let showDocument = false;
  const session = new AnalysisSession(log, () =>
    documents.all().filter((d) => DiagnosticsService.languageOf(d)).map((d) => ({ path: paths.pathOf(d.uri), text: d.getText(), language: DiagnosticsService.languageOf(d) })),
  );

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    settings = new SettingsStore(connection, log, caps.workspace?.configuration === true, (params.initializationOptions as Record<string, unknown> | undefined)?.settings);
    diagnostics = new DiagnosticsService(connection, documents, session, settings, paths, log, caps.textDocument?.publishDiagnostics?.relatedInformation === true);
    const roots = (params.workspaceFolders ?? []).map((f) => paths.pathOf(f.uri));
    if (roots.length === 0 && params.rootUri) roots.push(paths.pathOf(params.rootUri));
    workspace = new WorkspaceIndex(connection, session, settings, diagnostics, log, roots, caps.window?.workDoneProgress === true);
    actionDeps = {
      documents,
      diagnostics,
      session,
      settings,
      resolveEdits: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    };
    showDocument = caps.window?.showDocument?.support === true;
    const init = params.initializationOptions as { workspaceTrusted?: unknown } | undefined;
    runs = new SnippetRuns({
      connection,
      documents,
      settings,
      log,
      trusted: init?.workspaceTrusted === true,
      refreshHints: caps.workspace?.inlayHint?.refreshSupport === true,
      refreshLenses: caps.workspace?.codeLens?.refreshSupport === true,
    });
    log.info(`wsplint server starting for ${params.clientInfo?.name ?? 'an LSP client'}; workspace roots: ${roots.join(', ') || '(none)'}`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [Commands.openRuleDocs, Commands.runSnippet, Commands.cancelRun] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'wsplint' },
    };
  });

  connection.onInitialized(() => {
    void guarded(log, 'workspace scan', undefined, () => workspace?.rescan());
  });

  connection.onDidChangeConfiguration((p) =>
    guarded(log, 'didChangeConfiguration', undefined, async () => {
      settings?.changed(p.settings);
      await diagnostics?.validateAll();
      await workspace?.settingsChanged();
    }),
  );

  documents.onDidOpen((e) => void guarded(log, 'didOpen', undefined, () => diagnostics?.schedule(e.document.uri, true)));
  documents.onDidChangeContent((e) =>
    void guarded(log, 'didChange', undefined, () => {
      runs?.changed(e.document.uri, e.document.getText());
      return diagnostics?.schedule(e.document.uri);
    }),
  );
  documents.onDidClose((e) =>
    void guarded(log, 'didClose', undefined, () => {
      runs?.closed(e.document.uri);
      return diagnostics?.closed(e.document.uri);
    }),
  );

  connection.onDidChangeWatchedFiles((p) => guarded(log, 'didChangeWatchedFiles', undefined, () => workspace?.filesChanged(p.changes.map((c) => ({ uri: c.uri, type: c.type })))));

  connection.onHover((p) =>
    guarded(log, 'hover', null, async () => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc || !settings) return null;
      const s = await settings.get(doc.uri);
      if (doc.getText().length > s.maxFileBytes) return null;
      const md = hoverMarkdown(doc.getText(), doc.offsetAt(p.position), () => session.workspaceTexts());
      const results = runs ? resultHover(runs.results, doc.uri, p.position.line) : null;
      const value = [md, results].filter((x): x is string => x !== null).join('\n\n---\n\n');
      return value ? { contents: { kind: 'markdown' as const, value } } : null;
    }),
  );

  connection.onCodeLens((p) =>
    guarded(log, 'codeLens', [], async () => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc || !settings || !runs || !DiagnosticsService.languageOf(doc)) return [];
      const s = await settings.get(doc.uri);
      if (doc.getText().length > s.maxFileBytes) return [];
      const r = runs;
      return snippetLenses(doc, s, (snippet) => r.runningMode(doc.uri, snippet));
    }),
  );

  connection.languages.inlayHint.on((p) =>
    guarded(log, 'inlayHint', [], () => {
      const doc = documents.get(p.textDocument.uri);
      return doc && runs ? resultInlayHints(runs.results, doc, p.range) : [];
    }),
  );

  connection.onNotification(WorkspaceTrustNotification, (p) => runs?.setTrusted(p?.trusted === true));

  connection.onCodeAction((p, token) => guarded(log, 'codeAction', [], () => (actionDeps ? codeActions(p, actionDeps, token) : [])));
  connection.onCodeActionResolve((a, token) => guarded(log, 'codeAction/resolve', a, () => (actionDeps ? resolveCodeAction(a, actionDeps, token) : a)));

  connection.onExecuteCommand((p, token) =>
    guarded(log, `command ${p.command}`, null, async () => {
      if (p.command === Commands.runSnippet) return runs?.run(p.arguments?.[0], token) ?? null;
      if (p.command === Commands.cancelRun) return runs?.cancel(p.arguments?.[0]) ?? 0;
      if (p.command !== Commands.openRuleDocs) return null;
      const rule = p.arguments?.[0];
      if (typeof rule !== 'string' || !RULE_IDS.has(rule)) throw new Error(`${Commands.openRuleDocs} needs a rule id, got ${JSON.stringify(rule)}`);
      const uri = localRuleDoc(rule as RuleId) ?? ruleDocsUrl(rule as RuleId);
      if (showDocument) await connection.window.showDocument({ uri, external: uri.startsWith('http') });
      return uri;
    }),
  );

  connection.onRequest(ReanalyzeWorkspaceRequest, () =>
    guarded(log, 'reanalyze', { workspaceFiles: 0, documents: 0 }, async () => {
      await workspace?.rescan();
      const n = (await diagnostics?.validateAll()) ?? 0;
      return { workspaceFiles: session.workspaceFileCount(), documents: n };
    }),
  );

  connection.onShutdown(() => {
    runs?.dispose();
    diagnostics?.dispose();
    workspace?.cancel();
  });

  documents.listen(connection);
}

/** The rule's page shipped beside the server (docs/rules in the .vsix), opened in the editor when present. */
function localRuleDoc(rule: RuleId): string | null {
  const doc = ruleMeta(rule).doc;
  for (const base of [join(__dirname, '..'), join(dirname(__dirname), '..')]) {
    const p = join(base, doc);
    if (existsSync(p)) return pathToFileURL(p).href;
  }
  return null;
}

export type Transport = 'stdio' | 'node-ipc';

/** Creates the connection for a transport (default: from the command line flags) and starts serving. */
export function startServer(transport?: Transport): Connection {
  const connection =
    transport === 'stdio'
      ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
      : transport === 'node-ipc'
        ? createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process))
        : createConnection(ProposedFeatures.all);
  attachServer(connection);
  installCrashGuards(connection);
  connection.listen();
  return connection;
}

/** A bug in a handler must not end the process: log it and keep serving (the client would restart us anyway, losing state). */
export function installCrashGuards(connection: Connection): void {
  const log = consoleLogger(connection.console);
  process.on('uncaughtException', (e) => log.error(`uncaught exception: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => log.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
}
