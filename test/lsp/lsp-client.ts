/**
 * Test client: spawns the built server (`dist/server.js --stdio`) and talks JSON-RPC to it over its
 * stdio, as any editor would. Collects publishDiagnostics and the server log.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { StatusNotification, type StatusParams } from '../../server/src/lsp/protocol';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = process.env.WSPLINT_ROOT ?? process.cwd();
export const SERVER = join(ROOT, 'dist', 'server.js');

export interface StartOptions {
  settings?: Record<string, unknown>;
  /** Answer workspace/configuration (pull) or only push settings with didChangeConfiguration. */
  pullConfiguration?: boolean;
  relatedInformation?: boolean;
  workspaceFolder?: string;
  /** Merged into initializationOptions (e.g. `workspaceTrusted`). */
  initializationOptions?: Record<string, unknown>;
}

export class TestClient {
  readonly log: string[] = [];
  readonly stderr: string[] = [];
  /** `wsplint/status` notifications, in order. */
  readonly statuses: StatusParams[] = [];
  /** `$/progress` values (work done progress of the workspace scan). */
  readonly progress: { kind: string; title?: string; cancellable?: boolean }[] = [];
  /** `workspace/inlayHint/refresh` and `workspace/codeLens/refresh` requests, in order. */
  readonly refreshes: ('inlayHint' | 'codeLens')[] = [];
  private readonly published: PublishDiagnosticsParams[] = [];
  private waiters: Array<() => void> = [];
  settings: Record<string, unknown>;
  exited: number | null = null;
  initializeResult: InitializeResult | undefined;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run the build first`);
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options);
    child.stderr.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    child.on('exit', (code) => {
      client.exited = code ?? -1;
      client.wake();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.published.push(p);
      client.wake();
    });
    connection.onNotification(LogMessageNotification.type, (p) => client.log.push(p.message));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'wsplint' ? client.settings : null)));
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => {
      client.refreshes.push('inlayHint');
      return null;
    });
    connection.onRequest('workspace/codeLens/refresh', () => {
      client.refreshes.push('codeLens');
      return null;
    });
    connection.onNotification('$/progress', (p: { value: { kind: string; title?: string; cancellable?: boolean } }) => client.progress.push(p.value));
    connection.onNotification(StatusNotification, (p) => client.statuses.push(p));
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.pullConfiguration !== false,
        didChangeConfiguration: { dynamicRegistration: false },
        inlayHint: { refreshSupport: true },
        codeLens: { refreshSupport: true },
      },
      window: { workDoneProgress: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: options.relatedInformation !== false, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown'] },
      },
    };
    const folder = options.workspaceFolder;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'ws' }] : null,
      capabilities,
      initializationOptions:
        options.pullConfiguration === false || options.initializationOptions
          ? { ...(options.pullConfiguration === false ? { settings: options.settings ?? {} } : {}), ...options.initializationOptions }
          : undefined,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** The next diagnostics for `uri` (published after `since`) that satisfy `pred`. */
  async diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15000, since = 0): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.published.slice(since).reverse().find((p) => p.uri === uri && pred(p));
      if (hit) return hit.diagnostics;
      if (this.exited !== null) throw new Error(`server exited with ${this.exited}: ${this.stderr.join('')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).slice(-2))}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  mark(): number {
    return this.published.length;
  }

  async open(uri: string, text: string, languageId = 'c', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async replace(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental change: `text` replaces the range (a small message, as an editor sends per keystroke). */
  async edit(uri: string, version: number, range: Range, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { wsplint: settings } });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const r = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (r ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  resolve(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  async stop(): Promise<void> {
    if (this.exited === null) {
      await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
      await new Promise<void>((r) => {
        const t = setTimeout(() => {
          this.child.kill();
          r();
        }, 3000);
        this.child.once('exit', () => {
          clearTimeout(t);
          r();
        });
        if (this.exited !== null) r();
      });
    }
    this.connection.dispose();
  }
}

/** Applies LSP text edits (one document) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }): number => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

export function uriOf(name: string): string {
  return pathToFileURL(join(ROOT, 'test', 'lsp', 'fixtures', name)).href;
}
