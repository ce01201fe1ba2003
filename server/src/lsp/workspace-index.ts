/**
 * Keeps the analysis session's workspace files current: the scan on start and on request (with
 * window/workDoneProgress, cancellable by the user and by a newer scan), and watched-file changes.
 */
import { FileChangeType, type Connection } from 'vscode-languageserver';
import { readSourceFile } from '../core/io/read-source';
import type { AnalysisSession } from './analysis-session';
import type { DiagnosticsService } from './diagnostics';
import type { Logger } from './logger';
import type { Settings } from './settings';
import type { SettingsStore } from './settings-store';
import { scanWorkspace } from './workspace-scan';
import { DocumentPaths } from './document-paths';
import { minimatch } from 'minimatch';
import { relative, sep } from 'node:path';

export class WorkspaceIndex {
  private generation = 0;
  private readonly paths = new DocumentPaths();
  /** The scan options of the last scan, to rescan only when a setting that shapes it changes. */
  private lastOptions = '';

  constructor(
    private readonly connection: Connection,
    private readonly session: AnalysisSession,
    private readonly settings: SettingsStore,
    private readonly diagnostics: DiagnosticsService,
    private readonly log: Logger,
    private readonly roots: string[],
    private readonly progressSupported: boolean,
  ) {}

  cancel(): void {
    this.generation++;
  }

  async rescan(): Promise<void> {
    if (this.roots.length === 0) return;
    const generation = ++this.generation;
    const s = await this.settings.get();
    this.lastOptions = scanKey(s);
    const progress = this.progressSupported ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('wsplint: reading the workspace', 0, undefined, true);
    this.diagnostics.status({ state: 'scanning' });
    const t0 = performance.now();
    const result = await scanWorkspace(
      this.roots,
      { include: s.include, exclude: s.exclude, maxFiles: s.maxFiles, maxFileBytes: s.maxFileBytes },
      () => generation !== this.generation || progress?.token.isCancellationRequested === true,
      (p) => progress?.report(`${p.filesFound} files`),
    );
    progress?.done();
    if (generation !== this.generation) return;
    this.session.setWorkspaceFiles(result.files);
    for (const k of result.skipped) this.log.info(`workspace scan: skipped ${k.path}: ${k.reason}`);
    const ms = Math.round(performance.now() - t0);
    this.log.info(`workspace scan: ${result.files.length} files in ${ms} ms${result.stopped ? ` (${result.stopped})` : ''}`);
    this.diagnostics.note = result.stopped ? `workspace scan ${result.stopped}` : undefined;
    await this.diagnostics.validateAll();
    this.diagnostics.status({ state: 'idle' });
  }

  /** After a settings change: rescan when include, exclude or the caps changed. */
  async settingsChanged(): Promise<void> {
    if (scanKey(await this.settings.get()) !== this.lastOptions) await this.rescan();
  }

  async filesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    if (changes.length === 0) return;
    const s = await this.settings.get();
    for (const c of changes) {
      const path = this.paths.pathOf(c.uri);
      if (c.type === FileChangeType.Deleted || !this.included(path, s.include, s.exclude)) {
        this.session.updateWorkspaceFile(path, undefined);
        continue;
      }
      const read = await readSourceFile(path, { maxBytes: s.maxFileBytes });
      this.session.updateWorkspaceFile(path, read.kind === 'text' ? { path, text: read.text } : undefined);
    }
    await this.diagnostics.validateAll();
  }

  private included(path: string, include: string[], exclude: string[]): boolean {
    const root = this.roots.find((r) => !relative(r, path).startsWith('..'));
    if (!root) return false;
    const rel = relative(root, path).split(sep).join('/');
    const m = (g: string): boolean => minimatch(rel, g, { dot: true });
    return include.some(m) && !exclude.some(m);
  }
}

function scanKey(s: Settings): string {
  return JSON.stringify([s.include, s.exclude, s.maxFiles, s.maxFileBytes]);
}
