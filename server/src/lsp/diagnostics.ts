/**
 * Diagnostics for open C/C++ documents: on open at once, on change after a pause (debounced), published
 * with the findings cached per document version so code actions and fix-all use the same findings.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Language } from '../core';
import type { AnalysisSession, DocumentInput, DocumentResult } from './analysis-session';
import { effectiveSeverity, skippedDiagnostic, toDiagnostic } from './convert';
import { Debouncer } from './debounce';
import type { DocumentPaths } from './document-paths';
import type { Logger } from './logger';
import { StatusNotification, type StatusParams } from './protocol';
import type { Settings } from './settings';
import type { SettingsStore } from './settings-store';

export interface CachedResult {
  version: number;
  result: DocumentResult;
}

export class DiagnosticsService {
  private readonly cache = new Map<string, CachedResult>();
  private readonly debouncer = new Debouncer();
  note: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly session: AnalysisSession,
    private readonly settings: SettingsStore,
    private readonly paths: DocumentPaths,
    private readonly log: Logger,
    private readonly relatedInformation: boolean,
  ) {}

  static languageOf(doc: TextDocument): Language | undefined {
    return doc.languageId === 'c' ? 'c' : doc.languageId === 'cpp' ? 'cpp' : undefined;
  }

  input(doc: TextDocument): DocumentInput {
    return { path: this.paths.pathOf(doc.uri), text: doc.getText(), language: DiagnosticsService.languageOf(doc) };
  }

  /** Analyse after the configured pause (0 = at once). */
  async schedule(uri: string, immediately = false): Promise<void> {
    const settings = await this.settings.get(uri);
    const delay = immediately ? 0 : settings.debounceMs;
    this.debouncer.schedule(uri, delay, () => void this.validate(uri));
  }

  /** Findings for the document's current version, analysing now if the cache is stale. */
  async current(uri: string): Promise<CachedResult | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const hit = this.cache.get(uri);
    if (hit && hit.version === doc.version) return hit;
    return this.validate(uri);
  }

  async validate(uri: string): Promise<CachedResult | undefined> {
    this.debouncer.cancel(uri);
    const doc = this.documents.get(uri);
    if (!doc || !DiagnosticsService.languageOf(doc)) return undefined;
    const settings = await this.settings.get(uri);
    if (!settings.enable) {
      this.cache.delete(uri);
      await this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.status({ state: 'disabled', uri });
      return undefined;
    }
    const version = doc.version;
    this.status({ state: 'analyzing', uri });
    const analyzer = await this.session.prepare(settings);
    const now = this.documents.get(uri);
    // Closed or edited while the analyzer was being prepared: the newer event re-schedules.
    if (!now || now.version !== version) return this.cache.get(uri);
    // In slices: hovers and code actions are answered meanwhile, and a newer version drops this one.
    const result = await analyzer.runAsync(this.input(now), () => this.documents.get(uri)?.version !== version);
    if (!result) {
      // Abandoned: the newer version's own validation is on its way, unless another analysis (a fix-all)
      // pre-empted this one, in which case the same version is analysed again.
      if (this.documents.get(uri)?.version === version) return this.validate(uri);
      return this.cache.get(uri);
    }
    const cached = { version, result };
    this.cache.set(uri, cached);
    if (result.skipped) this.log.info(`${this.paths.pathOf(uri)}: not analysed: ${result.skipped}`);
    const diagnostics = this.toDiagnostics(result, settings);
    this.status({ state: 'idle', uri, analysisMs: Math.round(result.ms), findings: diagnostics.length });
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    return cached;
  }

  toDiagnostics(result: DocumentResult, settings: Settings): Diagnostic[] {
    if (result.skipped) return [skippedDiagnostic(result.skipped)];
    const out: Diagnostic[] = [];
    const opts = { relatedInformation: this.relatedInformation, uriForPath: (p: string) => this.paths.uriOf(p) };
    for (const f of result.findings) {
      const sev = effectiveSeverity(f, settings);
      if (sev) out.push(toDiagnostic(f, sev, opts));
    }
    return out;
  }

  closed(uri: string): void {
    this.debouncer.cancel(uri);
    this.cache.delete(uri);
    this.settings.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  async validateAll(): Promise<number> {
    const docs = this.documents.all().filter((d) => DiagnosticsService.languageOf(d));
    for (const d of docs) await this.validate(d.uri);
    return docs.length;
  }

  status(p: StatusParams): void {
    void this.connection
      .sendNotification(StatusNotification, { ...p, workspaceFiles: this.session.workspaceFileCount(), note: p.note ?? this.note })
      .catch(() => undefined);
  }

  dispose(): void {
    this.debouncer.dispose();
  }
}
