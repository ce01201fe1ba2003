/**
 * Public API of the analysis core (no LSP imports). The CLI and the language server call only this.
 * STUB: the analysis itself is being written; the signature is stable.
 */
import type { Finding, Language, RuleId, Severity, SourceFile } from './types';

export * from './types';
export { RULES, RULE_IDS, ruleMeta } from './rules/registry';

export interface AnalyzerOptions {
  /** Extra macro names to blank before parsing (settings: `wsplint.macros`). */
  extraMacros?: string[];
  /** Per-rule severity override, or 'off'. */
  severity?: Partial<Record<RuleId, Severity | 'off'>>;
  /** Cap on explored path states per function (default 20000). */
  maxPathStates?: number;
}

export interface FileReport {
  path: string;
  language: Language;
  /** Number of ERROR/MISSING nodes in the file's tree. */
  parseErrors: number;
  /** Set when the file was not analysed (binary, too large): the reason. */
  skipped?: string;
}

export interface AnalysisResult {
  findings: Finding[];
  files: FileReport[];
}

export interface AnalyzeRequest {
  /** Only findings in these paths are reported; all files still feed the interprocedural summaries. */
  reportOnly?: string[];
}

export interface Analyzer {
  analyze(files: SourceFile[], request?: AnalyzeRequest): AnalysisResult;
}

export async function createAnalyzer(options: AnalyzerOptions = {}): Promise<Analyzer> {
  void options;
  return {
    analyze(files: SourceFile[]): AnalysisResult {
      return { findings: [], files: files.map((f) => ({ path: f.path, language: f.language ?? 'c', parseErrors: 0 })) };
    },
  };
}
