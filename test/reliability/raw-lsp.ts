/**
 * A raw LSP client for the load and abuse tests: spawns dist/server.js on stdio, writes frames byte for
 * byte (so a test can send a malformed or oversized one), and keeps every message the server sends, in
 * order, with the time it arrived.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = process.env.WSPLINT_ROOT ?? process.cwd();
export const SERVER = join(ROOT, 'dist', 'server.js');

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Received {
  at: number;
  msg: Message;
}

export interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: { code?: string | number; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

export class RawClient {
  readonly received: Received[] = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private waiters: Array<() => void> = [];

  private constructor(readonly child: ChildProcessWithoutNullStreams) {}

  static async start(env: NodeJS.ProcessEnv = {}, initializationOptions?: unknown): Promise<RawClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run the build first`);
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...env } });
    const c = new RawClient(child);
    child.stdout.on('data', (d: Buffer) => c.onData(d));
    child.stderr.on('data', (d: Buffer) => (c.stderr += d.toString()));
    child.on('exit', (code) => {
      c.exitCode = code;
      c.wake();
    });
    const init = await c.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: false },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
      },
      initializationOptions,
    });
    if (init.error) throw new Error(`initialize failed: ${init.error.message}`);
    c.notify('initialized', {});
    return c;
  }

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!m) throw new Error(`bad header from the server: ${this.buffer.subarray(0, headerEnd).toString()}`);
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      const msg = JSON.parse(body) as Message;
      this.received.push({ at: Date.now(), msg });
      // Answer the server's own requests (configuration, progress) so it never waits on us.
      if (msg.method && msg.id !== undefined && msg.result === undefined && msg.error === undefined) {
        this.sendRaw(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [{}] : null }));
      }
      this.wake();
    }
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Writes one frame with a correct Content-Length for `body`. */
  sendRaw(body: string | Buffer): void {
    const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]));
  }

  /** Writes bytes as they are (headers and all). */
  sendBytes(bytes: string | Buffer): void {
    this.child.stdin.write(bytes);
  }

  notify(method: string, params: unknown): void {
    this.sendRaw(JSON.stringify({ jsonrpc: '2.0', method, params }));
  }

  /** Sends a request; returns its id (for $/cancelRequest) and the response. */
  send(method: string, params: unknown): { id: number; response: Promise<Message> } {
    const id = this.nextId++;
    this.sendRaw(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return { id, response: this.waitFor((m) => m.id === id && m.method === undefined, 60_000).then((r) => r.msg) };
  }

  request(method: string, params: unknown): Promise<Message> {
    return this.send(method, params).response;
  }

  /** The first message (from `since`) matching `pred`. */
  async waitFor(pred: (m: Message) => boolean, timeoutMs = 20_000, since = 0): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    let from = since;
    for (;;) {
      for (; from < this.received.length; from++) if (pred(this.received[from].msg)) return this.received[from];
      if (this.exitCode !== undefined) throw new Error(`server exited (${this.exitCode}): ${this.stderr.slice(-2000)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for a message`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  publishes(uri: string): { at: number; params: PublishParams }[] {
    return this.received
      .filter((r) => r.msg.method === 'textDocument/publishDiagnostics' && (r.msg.params as PublishParams).uri === uri)
      .map((r) => ({ at: r.at, params: r.msg.params as PublishParams }));
  }

  logs(): string[] {
    return this.received.filter((r) => r.msg.method === 'window/logMessage').map((r) => (r.msg.params as { message: string }).message);
  }

  /** Resolves when no message has arrived for `quietMs`. */
  async quiet(quietMs: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const last = this.received.length ? this.received[this.received.length - 1].at : 0;
      const wait = last + quietMs - Date.now();
      if (wait <= 0) return;
      if (Date.now() > deadline) throw new Error('the server never went quiet');
      await new Promise((r) => setTimeout(r, Math.min(wait, 200)));
    }
  }

  /** The server answers a trivial request: it is alive and not stuck. */
  async alive(): Promise<void> {
    const r = await this.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/alive.c' }, position: { line: 0, character: 0 } });
    if (r.error) throw new Error(`hover failed: ${r.error.message}`);
  }

  async stop(): Promise<void> {
    if (this.exitCode === undefined) {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 3000))]).catch(() => undefined);
      this.notify('exit', null);
      await new Promise<void>((r) => {
        const t = setTimeout(() => {
          this.child.kill();
          r();
        }, 3000);
        this.child.once('exit', () => {
          clearTimeout(t);
          r();
        });
        if (this.exitCode !== undefined) r();
      });
    }
  }
}

export const CONNECT_HEAD =
  'int WSPAPI WSPConnect(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData,\n' +
  '    LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)\n{\n';

/** A WSPConnect whose failing path `k` (of `n`) forgets *lpErrno: one errno-not-set at a line that depends on k. */
export function providerText(n: number, k: number): string {
  const lines = [CONNECT_HEAD.trimEnd()];
  lines.push('    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) { *lpErrno = WSAEFAULT; return SOCKET_ERROR; }');
  for (let i = 0; i < n; i++) {
    lines.push(i === k ? `    if (s == ${i}) { return SOCKET_ERROR; }` : `    if (s == ${i}) { *lpErrno = WSAENETDOWN; return SOCKET_ERROR; }`);
  }
  lines.push('    if (lpCalleeData != NULL) lpCalleeData->len = 0;', '    return 0;', '}', '');
  return lines.join('\n');
}

/** 0-based line of the errno-not-set in providerText(n, k). */
export function errnoLine(k: number): number {
  return 4 + k;
}
