/**
 * `wsplint.runSnippet` and `wsplint.cancelRun`: runs the snippet a lens points at, in a run process
 * (run-process.ts), on the stacks the lens names, then keeps the results for the inlay hints and hovers,
 * sends the printed output to the client and asks it to redraw. Native stacks touch the real network or
 * run compiled code, so they are refused unless the client vouched for the workspace (Workspace Trust).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RunOptions } from '../../../runtime/src';
import type { Profile, SnippetResult, StackName } from '../../../runtime/src/types';
import type { Logger } from './logger';
import { SnippetOutputNotification, type CancelRunArgs, type RunMode, type RunSnippetArgs, type RunSnippetResult } from './protocol';
import { startRun, type RunJob, type RunOutcome } from './run-process';
import { compareLabels, compareRuns, runLabels, type LineLabel } from './run-result-text';
import type { Settings } from './settings';
import type { SettingsStore } from './settings-store';
import { SnippetResults } from './snippet-results';
import { findSnippetSites, pickSite } from './snippet-sites';

/** Time a native run gets beyond wsplint.runTimeoutMs to report its own timeout before it is killed. */
const NATIVE_GRACE_MS = 5000;

const MODES: readonly RunMode[] = ['simulated', 'native', 'host', 'winsock', 'compare'];

interface Running {
  mode: RunMode;
  jobs: RunJob[];
}

export interface SnippetRunDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  log: Logger;
  /** Whether the client vouched for the workspace (initializationOptions.workspaceTrusted). */
  trusted: boolean;
  /** The client redraws inlay hints / code lenses when asked (workspace/*\/refresh). */
  refreshHints: boolean;
  refreshLenses: boolean;
  /** dist/runtime-worker.js. */
  workerPath?: string;
}

export class SnippetRuns {
  readonly results = new SnippetResults();
  private readonly running = new Map<string, Running>();
  private readonly workerPath: string;

  constructor(private readonly deps: SnippetRunDeps) {
    this.workerPath = deps.workerPath ?? join(__dirname, 'runtime-worker.js');
  }

  setTrusted(trusted: boolean): void {
    this.deps.trusted = trusted;
    this.deps.log.info(`workspace trust: ${trusted ? 'trusted, native runs allowed' : 'untrusted, native runs refused'}`);
  }

  /** The mode of the run in progress for a snippet, if any (the lenses offer to stop it). */
  runningMode(uri: string, snippet: string): RunMode | undefined {
    return this.running.get(key(uri, snippet))?.mode;
  }

  async run(raw: unknown, token?: CancellationToken): Promise<RunSnippetResult> {
    const args = readArgs(raw);
    if (typeof args === 'string') {
      this.deps.log.warn(`wsplint.runSnippet: ${args}`);
      return { ok: false, error: `wsplint.runSnippet: ${args}`, results: [] };
    }
    let text: string;
    try {
      text = await this.textOf(args.uri);
    } catch (e) {
      return this.fail(args, `cannot read ${args.uri}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
    const site = pickSite(findSnippetSites(text), args.snippet, lineOf, args.line);
    if (!site) return this.fail(args, `no snippet named "${args.snippet}" in this file (a snippet is a function after a "// wsplint:snippet" comment)`);
    if (!existsSync(this.workerPath)) return this.fail(args, `the runtime worker ${this.workerPath} is missing: this build of wsplint cannot run snippets`);
    const settings = await this.deps.settings.get(args.uri);
    const siteLine = lineOf(site.headerStart) + 1;
    if (args.stack !== 'simulated' && !this.deps.trusted) {
      return this.fail(
        args,
        `${args.stack === 'compare' ? 'Compare runs a native stack, which is' : 'native runs are'} off in an untrusted workspace: a native run opens real sockets or compiles and runs the snippet. Trust the workspace to allow it; Run (simulated) works without.`,
      );
    }
    const k = key(args.uri, site.name);
    this.running.get(k)?.jobs.forEach((j) => j.cancel('a new run of this snippet replaced it'));
    const stacks = stacksFor(args.stack, settings);
    const jobs = stacks.map((stack) =>
      startRun(text, this.optionsFor(site.name, stack, args.profile, settings), {
        // A native stack applies the limit itself and reports what the snippet did until then; the
        // process is killed only if that does not happen (compiling the snippet comes on top).
        timeoutMs: settings.runTimeoutMs,
        graceMs: stack === 'simulated' ? 0 : NATIVE_GRACE_MS,
        workerPath: this.workerPath,
        onStderr: (s) => this.deps.log.warn(`run of ${site.name} (${stack}): ${s.trimEnd()}`),
      }),
    );
    const mine: Running = { mode: args.stack, jobs };
    this.running.set(k, mine);
    const onCancel = token?.onCancellationRequested(() => jobs.forEach((j) => j.cancel()));
    await this.refresh(false, true);
    let outcomes: RunOutcome[];
    try {
      outcomes = await Promise.all(jobs.map((j) => j.done));
    } finally {
      onCancel?.dispose();
      if (this.running.get(k) === mine) this.running.delete(k);
    }
    const results = outcomes.flatMap((o) => (o.ok ? o.report.snippets.slice(0, 1) : []));
    const failures = outcomes.flatMap((o, i) => (o.ok ? [] : [{ stack: stacks[i], ...o }]));
    if (failures.some((f) => f.reason === 'cancelled')) {
      this.results.clear(args.uri, site.name);
      await this.refresh(true, true);
      return { ok: false, error: failures.find((f) => f.reason === 'cancelled')?.error, results };
    }
    const error = failures.length ? failures.map((f) => (stacks.length > 1 ? `${f.stack}: ${f.error}` : f.error)).join('; ') : undefined;
    for (const r of results) this.output(args.uri, r);
    for (const f of failures) this.notify(args.uri, site.name, f.stack, `${site.name} on the ${f.stack} stack did not finish: ${f.error}`, []);
    let labels: LineLabel[];
    let differences: RunSnippetResult['differences'];
    if (args.stack === 'compare' && results.length === 2) {
      labels = compareLabels(results[0], results[1]);
      differences = compareRuns(results[0], results[1])
        .filter((c) => !c.same)
        .map(({ line, left, right }) => ({ line, left, right }));
    } else labels = results.flatMap(runLabels);
    if (error) labels.push({ line: siteLine, text: `✖ ${error}` });
    this.results.set(args.uri, text, site.name, args.stack, results, labels);
    const now = this.deps.documents.get(args.uri)?.getText();
    if (now !== undefined && now !== text && this.results.update(args.uri, now).includes(site.name)) {
      await this.refresh(true, true);
      return { ok: false, error: 'the snippet was edited while it ran; its results were dropped (run it again)', results };
    }
    if (error) this.warn(`wsplint: ${site.name}: ${error}`);
    await this.refresh(true, true);
    return { ok: error === undefined, error, results, differences };
  }

  /** Stops the runs of one snippet, of one document, or all of them. Returns how many were stopped. */
  cancel(raw: unknown): number {
    const args = (typeof raw === 'object' && raw !== null ? raw : {}) as CancelRunArgs;
    let n = 0;
    for (const [k, r] of this.running) {
      const [uri, snippet] = k.split('\n');
      if ((args.uri === undefined || args.uri === uri) && (args.snippet === undefined || args.snippet === snippet)) {
        r.jobs.forEach((j) => j.cancel());
        n++;
      }
    }
    return n;
  }

  /** The document changed: stale results go, the rest move with their lines. */
  changed(uri: string, text: string): void {
    if (this.results.update(uri, text).length > 0) void this.refresh(true, false);
  }

  closed(uri: string): void {
    this.results.clear(uri);
    this.cancel({ uri });
  }

  dispose(): void {
    this.cancel(undefined);
  }

  private optionsFor(snippet: string, stack: StackName | 'native', profile: Profile | undefined, settings: Settings): RunOptions {
    const options: RunOptions = { snippet, stack };
    if (stack === 'simulated') {
      const p = profile ?? (settings.runProfile === 'auto' ? undefined : settings.runProfile);
      if (p) options.profile = p;
    } else {
      // For the runtime's own limits on what it starts (the compiler, Wine) and where a run may connect.
      options.timeoutMs = settings.runTimeoutMs;
      if (settings.runAllowNet.trim()) options.allowNet = settings.runAllowNet.trim();
    }
    return options;
  }

  /** A run that did not start: said in a message and the log; the snippet's last results stay. */
  private fail(args: RunSnippetArgs, error: string): RunSnippetResult {
    this.deps.log.warn(`run of ${args.snippet} (${args.stack}) refused: ${error}`);
    this.warn(`wsplint: ${error}`);
    return { ok: false, error, results: [] };
  }

  /** A message the user sees (a notification: nothing waits for an answer). */
  private warn(message: string): void {
    void this.deps.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  private output(uri: string, r: SnippetResult): void {
    const failed = r.calls.filter((c) => c.error !== null).length;
    const summary = `${r.name} on the ${r.stack} stack${r.stack === 'simulated' ? ` (${r.profile} profile)` : ''}: ${r.calls.length} calls, ${failed} failed${r.error ? `; stopped: ${r.error}` : ''}`;
    this.notify(uri, r.name, r.stack, summary, r.output);
  }

  private notify(uri: string, snippet: string, stack: StackName | RunMode, summary: string, output: string[]): void {
    this.deps.log.info(`ran ${summary}`);
    void this.deps.connection.sendNotification(SnippetOutputNotification, { uri, snippet, stack, summary, output });
  }

  private async textOf(uri: string): Promise<string> {
    const doc = this.deps.documents.get(uri);
    if (doc) return doc.getText();
    if (!uri.startsWith('file:')) throw new Error('the document is not open and not a file');
    return readFile(fileURLToPath(uri), 'utf8');
  }

  private async refresh(hints: boolean, lenses: boolean): Promise<void> {
    const c = this.deps.connection;
    const asks: Promise<unknown>[] = [];
    if (hints && this.deps.refreshHints) asks.push(c.languages.inlayHint.refresh());
    if (lenses && this.deps.refreshLenses) asks.push(c.sendRequest('workspace/codeLens/refresh'));
    await Promise.all(asks.map((p) => p.catch((e: unknown) => this.deps.log.warn(`refresh failed: ${String(e)}`))));
  }
}

function key(uri: string, snippet: string): string {
  return `${uri}\n${snippet}`;
}

function stacksFor(mode: RunMode, settings: Settings): (StackName | 'native')[] {
  if (mode === 'compare') return ['simulated', settings.runNativeStack];
  if (mode === 'native') return [settings.runNativeStack];
  return [mode];
}

function readArgs(raw: unknown): RunSnippetArgs | string {
  const a = (Array.isArray(raw) ? raw[0] : raw) as Partial<RunSnippetArgs> | undefined;
  if (typeof a !== 'object' || a === null) return 'expects one argument {uri, snippet, stack, profile?}';
  if (typeof a.uri !== 'string' || typeof a.snippet !== 'string') return 'uri and snippet must be strings';
  if (!MODES.includes(a.stack as RunMode)) return `stack must be one of ${MODES.join(', ')} (got ${JSON.stringify(a.stack)})`;
  if (a.profile !== undefined && a.profile !== 'spec' && a.profile !== 'windows') return `profile must be spec or windows (got ${JSON.stringify(a.profile)})`;
  if (a.line !== undefined && typeof a.line !== 'number') return 'line must be a number';
  return { uri: a.uri, snippet: a.snippet, stack: a.stack as RunMode, profile: a.profile, line: a.line };
}
