/**
 * Public API of the analysis core (no LSP imports). The CLI and the language server call only this.
 */
import { checkImplementation, implementations, toFindings } from './analyze';
import { procEntrySignature } from './rules/proc-entry-signature';
import { unparsedImplementations } from './unparsed-impls';
import { ParseCache } from './model/parse-cache';
import { ResultCache } from './result-cache';
import type { ParsedFile } from './model/parsed-file';
import { Run, type ForeignFile } from './model/run';
import { globalAssignmentsIn, portableFactsOf, type GlobalAssignment, type PortableFacts } from './model/portable-facts';
import { loadParsers } from './parse/parser';
import { languageOfSource } from './parse/language';
import { RULE_IDS } from './rules/registry';
import { applySuppressions } from './suppress/index';
import type { Finding, Language, RuleId, Severity, SourceFile } from './types';

export * from './types';
export { runGlobalNames, type GlobalAssignment, type PortableFacts } from './model/portable-facts';
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
  /** Keep findings per implementation for the next analysis (default true; a one-shot run gains nothing). */
  reuseResults?: boolean;
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

/** Step 1 of a sharded run: what the other shards need to know of these files. */
export interface ShardFacts {
  facts: PortableFacts[];
  files: FileReport[];
}

/**
 * A run cut in shards (`wsplint check --jobs N`), each parsed by one analyzer: (1) `shardFacts` of each
 * shard, (2) `shardAssignments` to the run's global names (runGlobalNames of all facts, in file order),
 * (3) `analyzeShard` of each shard with the others' facts. The findings are those of one analyze() of
 * all files, for the shard's files.
 */
export interface ShardedAnalysis {
  shardFacts(files: SourceFile[]): ShardFacts;
  shardAssignments(paths: string[], names: string[]): GlobalAssignment[][];
  /** `all`: every file of the run in run order, `foreign` the facts (and assignments) of those not in this shard. */
  analyzeShard(all: SourceFile[], own: ReadonlySet<string>, foreign: ReadonlyMap<string, { facts: PortableFacts; assignments: GlobalAssignment[] }>): AnalysisResult;
}

export interface Analyzer extends ShardedAnalysis {
  analyze(files: SourceFile[], request?: AnalyzeRequest): AnalysisResult;
}

export async function createAnalyzer(options: AnalyzerOptions = {}): Promise<Analyzer> {
  const parsers = await loadParsers();
  const parses = new ParseCache(parsers, options.extraMacros ?? []);
  const results = options.reuseResults === false ? undefined : new ResultCache();

  const parseAll = (files: SourceFile[]): { parsed: ParsedFile[]; reports: FileReport[] } => {
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
    return { parsed, reports };
  };

  const judge = (run: Run, own: readonly ParsedFile[], only: ReadonlySet<string> | null): Finding[] => {
    const byFile = new Map<string, Finding[]>();
    const impls = implementations(run, options.functions);
    for (const impl of impls) {
      const path = impl.fn.path;
      if (only && !only.has(path)) continue;
      const list = byFile.get(path) ?? [];
      list.push(...checkImplementation(run, impl, options, results));
      byFile.set(path, list);
    }
    for (const p of own) {
      if (only && !only.has(p.path)) continue;
      const extra = [
        ...unparsedImplementations(run, p, impls.map((i) => i.fn), options.severity?.['parse-health']),
        ...toFindings(p, '', procEntrySignature(run, p), options),
      ];
      if (extra.length) byFile.set(p.path, [...(byFile.get(p.path) ?? []), ...extra]);
    }
    const findings: Finding[] = [];
    for (const p of own) {
      if (only && !only.has(p.path)) continue;
      const s = applySuppressions(p.text, p.path, byFile.get(p.path) ?? [], RULE_IDS);
      findings.push(...s.findings, ...s.extra);
    }
    findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.startOffset - b.range.startOffset || a.rule.localeCompare(b.rule)));
    return findings;
  };

  return {
    analyze(files: SourceFile[], request: AnalyzeRequest = {}): AnalysisResult {
      const { parsed, reports } = parseAll(files);
      const run = new Run(parsed);
      const findings = judge(run, parsed, request.reportOnly ? new Set(request.reportOnly) : null);
      parses.trim(new Set(parsed.map((p) => p.path)));
      return { findings, files: reports };
    },

    shardFacts(files: SourceFile[]): ShardFacts {
      const { parsed, reports } = parseAll(files);
      return { facts: parsed.map(portableFactsOf), files: reports };
    },

    shardAssignments(paths: string[], names: string[]): GlobalAssignment[][] {
      return paths.map((p) => {
        const f = parses.peek(p);
        if (!f) throw new Error(`wsplint: shardAssignments: ${p} was not parsed by this analyzer`);
        return globalAssignmentsIn(f, names);
      });
    },

    analyzeShard(all, own, foreign): AnalysisResult {
      const mine = all.filter((f) => own.has(f.path));
      const { parsed, reports } = parseAll(mine);
      const byPath = new Map(parsed.map((p) => [p.path, p]));
      const entries: Array<ParsedFile | ForeignFile> = [];
      for (const f of all) {
        const p = byPath.get(f.path);
        const other = p ? undefined : foreign.get(f.path);
        if (p) entries.push(p);
        // A file another shard parsed: parsed here only if one of its trees is needed.
        else if (other) entries.push({ kind: 'foreign', text: f.text, facts: other.facts, assignments: other.assignments, load: () => parses.get(f) });
      }
      const run = new Run(entries);
      return { findings: judge(run, parsed, own), files: reports };
    },
  };
}
