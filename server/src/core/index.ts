/**
 * Public API of the analysis core (no LSP imports). The CLI and the language server call only this.
 */
import { checkImplementation, implementations, toFindings } from './analyze';
import { procEntrySignature } from './rules/proc-entry-signature';
import { unparsedImplementations } from './unparsed-impls';
import { ParseCache } from './model/parse-cache';
import { ResultCache } from './result-cache';
import type { ParsedFile } from './model/parsed-file';
import { Run } from './model/run';
import { loadParsers } from './parse/parser';
import { languageOfSource } from './parse/language';
import { RULE_IDS } from './rules/registry';
import { applySuppressions } from './suppress/index';
import type { Finding, Language, RuleId, Severity, SourceFile } from './types';

export * from './types';
export { RULES, RULE_IDS, ruleMeta, DOCS_BASE } from './rules/registry';

export interface AnalyzerOptions {
  /** Extra macro names to blank before parsing (settings: `wsplint.macros`). */
  extraMacros?: string[];
  /** Per-rule severity override, or 'off'. */
  severity?: Partial<Record<RuleId, Severity | 'off'>>;
  /** Cap on explored path states per function (default 20000). */
  maxPathStates?: number;
  /** SPI functions to judge, by contract name (`WSPConnect`); default: every function of the SPI. */
  functions?: string[];
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
  const parsers = await loadParsers();
  const parses = new ParseCache(parsers, options.extraMacros ?? []);
  const results = new ResultCache();
  return {
    analyze(files: SourceFile[], request: AnalyzeRequest = {}): AnalysisResult {
      const parsed: ParsedFile[] = [];
      const reports: FileReport[] = [];
      for (const f of files) {
        const language = f.language ?? languageOfSource(f.path, f.text);
        try {
          const p = parses.get({ ...f, language });
          parsed.push(p);
          reports.push({ path: f.path, language, parseErrors: p.parseErrors });
        } catch (e) {
          reports.push({ path: f.path, language, parseErrors: 0, skipped: `could not be parsed: ${(e as Error).message}` });
        }
      }
      const run = new Run(parsed);
      const only = request.reportOnly ? new Set(request.reportOnly) : null;
      const byFile = new Map<string, Finding[]>();
      const impls = implementations(run, options.functions);
      for (const impl of impls) {
        const path = impl.fn.file.path;
        if (only && !only.has(path)) continue;
        const list = byFile.get(path) ?? [];
        list.push(...checkImplementation(run, impl, options, results));
        byFile.set(path, list);
      }
      for (const p of parsed) {
        if (only && !only.has(p.path)) continue;
        const extra = [
          ...unparsedImplementations(run, p, impls.map((i) => i.fn), options.severity?.['parse-health']),
          ...toFindings(p, '', procEntrySignature(run, p), options),
        ];
        if (extra.length) byFile.set(p.path, [...(byFile.get(p.path) ?? []), ...extra]);
      }
      const findings: Finding[] = [];
      for (const p of parsed) {
        if (only && !only.has(p.path)) continue;
        const s = applySuppressions(p.text, p.path, byFile.get(p.path) ?? [], RULE_IDS);
        findings.push(...s.findings, ...s.extra);
      }
      parses.trim(new Set(parsed.map((p) => p.path)));
      findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.startOffset - b.range.startOffset || a.rule.localeCompare(b.rule)));
      return { findings, files: reports };
    },
  };
}
