/**
 * The server's view of the code: workspace files from the scan, overridden by open documents, fed to the
 * core so summaries cross files; findings reported for one document at a time. No LSP imports.
 */
import { createAnalyzer, RULE_IDS, type AnalysisResult, type Analyzer, type FileReport, type Finding, type Language, type SourceFile } from '../core';
import { formatBytes } from '../core/io/read-source';
import { applySuppressions } from '../core/suppress';
import type { Logger } from './logger';
import { RelatedFiles } from './related-files';
import type { Settings } from './settings';

export interface DocumentInput {
  path: string;
  text: string;
  language?: Language;
}

export interface DocumentResult {
  findings: Finding[];
  /** Set when the document was not analysed, with the reason. */
  skipped?: string;
  report?: FileReport;
  ms: number;
}

/** Analysis of single documents with one set of settings (fix-all runs the synchronous one in rounds). */
export interface DocumentAnalyzer {
  run(doc: DocumentInput): DocumentResult;
  /**
   * The same in slices of time, so other requests are answered meanwhile; null when abandoned (`isStale`
   * said so at a pause, or another analysis ran while it paused).
   */
  runAsync(doc: DocumentInput, isStale: () => boolean): Promise<DocumentResult | null>;
}

export class AnalysisSession {
  private readonly analyzers = new Map<string, Promise<{ analyzer: Analyzer; coreSuppresses: boolean }>>();
  private workspace = new Map<string, SourceFile>();
  private readonly related = new RelatedFiles();
  /** Analysis failures seen, by where they were thrown: each is logged in full once, then counted. */
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly log: Logger,
    /** Open documents other than the one analysed: their unsaved text wins over the disk's. */
    private readonly openDocuments: () => DocumentInput[],
  ) {}

  setWorkspaceFiles(files: readonly SourceFile[]): void {
    for (const p of this.workspace.keys()) this.related.delete(p);
    this.workspace = new Map(files.map((f) => [f.path, f]));
    for (const f of files) this.related.set(f.path, f.text);
  }

  updateWorkspaceFile(path: string, file: SourceFile | undefined): void {
    if (file) {
      this.workspace.set(path, file);
      this.related.set(path, file.text);
    } else {
      this.workspace.delete(path);
      this.related.delete(path);
    }
  }

  workspaceFileCount(): number {
    return this.workspace.size;
  }

  /** Texts to search for proc-table assignments (which SPI function a provider function implements). */
  workspaceTexts(): string[] {
    return [...this.workspace.values()].map((f) => f.text);
  }

  async prepare(settings: Settings): Promise<DocumentAnalyzer> {
    const key = JSON.stringify([...settings.macros].sort());
    let entry = this.analyzers.get(key);
    if (!entry) {
      entry = createAnalyzer({ extraMacros: settings.macros }).then((analyzer) => ({ analyzer, coreSuppresses: probeSuppressions(analyzer) }));
      this.analyzers.set(key, entry);
      entry.catch(() => this.analyzers.delete(key));
    }
    const { analyzer, coreSuppresses } = await entry;
    return {
      run: (doc) => {
        const t0 = performance.now();
        const files = this.filesFor(doc, settings);
        if (typeof files === 'string') return { findings: [], skipped: files, ms: 0 };
        return this.finish(doc, coreSuppresses, t0, () => analyzer.analyze(files, { reportOnly: [doc.path] }));
      },
      runAsync: async (doc, isStale) => {
        const t0 = performance.now();
        const files = this.filesFor(doc, settings);
        if (typeof files === 'string') return { findings: [], skipped: files, ms: 0 };
        let result: AnalysisResult | null;
        try {
          result = await analyzer.analyzeAsync(files, { reportOnly: [doc.path], isStale });
        } catch (e) {
          // Reported the way a synchronous failure is (finish logs it and marks the document).
          return this.finish(doc, coreSuppresses, t0, () => {
            throw e;
          });
        }
        return result ? this.finish(doc, coreSuppresses, t0, () => result) : null;
      },
    };
  }

  /** The document and the files its analysis needs; a string says why it is not analysed. */
  private filesFor(doc: DocumentInput, settings: Settings): SourceFile[] | string {
    const skip = skipReason(doc.text, settings);
    if (skip) return skip;
    // Open documents' unsaved text wins over the disk's; only the files this document needs go in.
    const all = new Map(this.workspace);
    for (const d of this.openDocuments()) if (!skipReason(d.text, settings)) all.set(d.path, d);
    all.set(doc.path, doc);
    for (const f of all.values()) this.related.set(f.path, f.text);
    this.related.retain(new Set(all.keys()));
    return [doc, ...this.related.relatedTo(doc.path).flatMap((p) => all.get(p) ?? [])];
  }

  private finish(doc: DocumentInput, coreSuppresses: boolean, t0: number, analyse: () => AnalysisResult): DocumentResult {
    try {
      injectedCrash(doc.text);
      const result = analyse();
      let findings = result.findings.filter((f) => f.file === doc.path);
      if (!coreSuppresses) {
        const s = applySuppressions(doc.text, doc.path, findings, RULE_IDS);
        findings = [...s.findings, ...s.extra];
      }
      const report = result.files.find((f) => f.path === doc.path);
      return { findings, report, skipped: report?.skipped, ms: performance.now() - t0 };
    } catch (e) {
      this.failed(doc.path, e);
      return { findings: [], skipped: 'the analyzer failed on it (details in the wsplint output log)', ms: performance.now() - t0 };
    }
  }

  /** A bug in the analyzer must not flood the log on every keystroke: the stack once, then a count. */
  private failed(path: string, e: unknown): void {
    const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
    const lines = stack.split('\n');
    // The top frames name the bug; the message may differ from one input to the next.
    const key = lines.slice(1, 3).join('\n') || lines[0];
    const seen = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, seen);
    if (seen === 1) this.log.error(`analysis of ${path} failed (the server goes on; please report this): ${stack}`);
    else this.log.warn(`analysis of ${path} failed again with the same error (${seen} times so far): ${lines[0]}`);
  }
}

/**
 * Test hook: with WSPLINT_TEST_CRASH_MARKER set, analysing a document that contains the marker throws,
 * so tests can show that a crash in one analysis is caught, logged once, and the server goes on.
 */
function injectedCrash(text: string): void {
  const marker = process.env.WSPLINT_TEST_CRASH_MARKER;
  if (marker && text.includes(marker)) throw new Error(`injected analysis crash (WSPLINT_TEST_CRASH_MARKER=${marker})`);
}

function skipReason(text: string, settings: Settings): string | undefined {
  // UTF-16 length approximates the byte size closely enough for a cap.
  if (text.length > settings.maxFileBytes) return `file too large (${formatBytes(text.length)}, limit ${formatBytes(settings.maxFileBytes)}: wsplint.maxFileBytes)`;
  const nul = text.indexOf('\u0000');
  if (nul >= 0 && nul < 8192) return 'binary content (NUL characters)';
  return undefined;
}

/**
 * Whether the core already applies suppression comments (it will; until it does, the server applies
 * them). Applying them twice would report every used suppression as unused, hence the probe.
 */
function probeSuppressions(analyzer: Analyzer): boolean {
  try {
    const probe = analyzer.analyze([{ path: '<wsplint-probe>.c', text: '// wsplint-disable-line errno-not-set: probe\nint x;\n', language: 'c' }]);
    return probe.findings.some((f) => f.rule === 'unused-suppression');
  } catch {
    return false;
  }
}
