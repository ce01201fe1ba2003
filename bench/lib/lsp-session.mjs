// A bare LSP client for the benchmarks: spawns the real server (dist/server.js --stdio) and speaks
// JSON-RPC to it, as an editor does. Only what the editor-latency and memory figures need.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node.js';

export class LspSession {
  /**
   * @param {string} serverJs  path of dist/server.js
   * @param {{ rootPath?: string, settings?: Record<string, unknown>, env?: NodeJS.ProcessEnv, nodeArgs?: string[] }} opts
   */
  static async start(serverJs, opts = {}) {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env ?? process.env });
    child.stderr.on('data', () => undefined);
    const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    const s = new LspSession(child, conn);
    conn.listen();
    const rootUri = opts.rootPath ? pathToFileURL(opts.rootPath).href : null;
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      // No workspace/configuration: the server takes the settings pushed here.
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } }, window: { workDoneProgress: false } },
      initializationOptions: { settings: opts.settings ?? {} },
    });
    await conn.sendNotification('initialized', {});
    return s;
  }

  /** @param {import('node:child_process').ChildProcess} child @param {rpc.MessageConnection} conn */
  constructor(child, conn) {
    this.child = child;
    this.conn = conn;
    /** @type {Array<(p: { uri: string, version?: number, diagnostics: unknown[] }) => boolean>} */
    this.diagWaiters = [];
    /** @type {Array<(p: { state: string, uri?: string, workspaceFiles?: number }) => boolean>} */
    this.statusWaiters = [];
    conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.diagWaiters = this.diagWaiters.filter((w) => !w(p));
    });
    conn.onNotification('wsplint/status', (p) => {
      this.statusWaiters = this.statusWaiters.filter((w) => !w(p));
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  }

  /** Resolves with the first diagnostics for `uri` that satisfy `pred`. */
  diagnostics(uri, pred = () => true, timeoutMs = 600_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.diagWaiters.push((p) => {
        if (p.uri !== uri || !pred(p)) return false;
        clearTimeout(timer);
        resolve(p);
        return true;
      });
    });
  }

  /** Resolves with the first wsplint/status notification that satisfies `pred`. */
  status(pred, timeoutMs = 600_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching wsplint/status within ${timeoutMs} ms`)), timeoutMs);
      this.statusWaiters.push((p) => {
        if (!pred(p)) return false;
        clearTimeout(timer);
        resolve(p);
        return true;
      });
    });
  }

  open(uri, text, version = 1) {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version, text } });
  }

  /** One-character edit at (line, character): insert `text`, or delete one character when text is ''. */
  change(uri, version, line, character, text) {
    const range = { start: { line, character }, end: { line, character: character + (text === '' ? 1 : 0) } };
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Resident and peak resident memory of the server process, in MB (Linux /proc). */
  memory() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
    this.conn.dispose();
  }
}
