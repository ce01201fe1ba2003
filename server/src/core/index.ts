/**
 * Public API of the analysis core (no LSP imports). The CLI and the language server call only this.
 */
import { drain, drainAsync, judgeSteps, parseAllSteps, type Steps } from './analysis-steps';
import { ParseCache } from './model/parse-cache';
import { ResultCache } from './result-cache';
import type { ParsedFile } from './model/parsed-file';
import { Run, type ForeignFile } from './model/run';
import { globalAssignmentsIn, portableFactsOf, type GlobalAssignment, type PortableFacts } from './model/portable-facts';
import { loadParsers } from './parse/parser';
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
  /** Called after each file is parsed (progress of long runs). */
  onParsed?: () => void;
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
  shardFacts(files: SourceFile[], onParsed?: () => void): ShardFacts;
  shardAssignments(paths: string[], names: string[]): GlobalAssignment[][];
  /** `all`: every file of the run in run order, `foreign` the facts (and assignments) of those not in this shard. */
  analyzeShard(all: SourceFile[], own: ReadonlySet<string>, foreign: ReadonlyMap<string, { facts: PortableFacts; assignments: GlobalAssignment[] }>): AnalysisResult;
}

export interface AsyncAnalyzeRequest extends AnalyzeRequest {
  /** Work this long (ms) between pauses for other events (default DEFAULT_SLICE_MS). */
  sliceMs?: number;
  /** Asked at each pause: true abandons the analysis (the result is null). */
  isStale?: () => boolean;
}

/** Hovers and code actions wait at most about this long behind an analysis (plus one file's parse). */
export const DEFAULT_SLICE_MS = 10;

export interface Analyzer extends ShardedAnalysis {
  analyze(files: SourceFile[], request?: AnalyzeRequest): AnalysisResult;
  /**
   * The same analysis in slices of time, pausing for the event loop between them; null when it was
   * abandoned (stale, or another analysis of this analyzer ran while it paused).
   */
  analyzeAsync(files: SourceFile[], request?: AsyncAnalyzeRequest): Promise<AnalysisResult | null>;
}

export async function createAnalyzer(options: AnalyzerOptions = {}): Promise<Analyzer> {
  const parsers = await loadParsers();
  const parses = new ParseCache(parsers, options.extraMacros ?? []);
  const results = options.reuseResults === false ? undefined : new ResultCache();

  const parseAll = (files: SourceFile[], onParsed?: () => void): { parsed: ParsedFile[]; reports: FileReport[] } => drain(parseAllSteps(parses, files, onParsed));
  const judge = (run: Run, own: readonly ParsedFile[], only: ReadonlySet<string> | null): Finding[] => drain(judgeSteps(run, own, only, options, results));
  function* analysis(files: SourceFile[], request: AnalyzeRequest): Steps<AnalysisResult> {
    const { parsed, reports } = yield* parseAllSteps(parses, files, request.onParsed);
    const run = new Run(parsed);
    yield;
    const findings = yield* judgeSteps(run, parsed, request.reportOnly ? new Set(request.reportOnly) : null, options, results);
    parses.trim(new Set(parsed.map((p) => p.path)));
    return { findings, files: reports };
  }
  // A paused analysis must not resume after another one changed the parse cache under it (its trees may
  // be gone): every analysis takes a new generation, and a paused one whose generation is not the
  // latest stops. Asynchronous analyses also wait for each other.
  let generation = 0;
  let queue: Promise<unknown> = Promise.resolve();

  return {
    analyze(files: SourceFile[], request: AnalyzeRequest = {}): AnalysisResult {
      generation++;
      return drain(analysis(files, request));
    },

    analyzeAsync(files: SourceFile[], request: AsyncAnalyzeRequest = {}): Promise<AnalysisResult | null> {
      const mine = queue.then(() => {
        const own = ++generation;
        if (request.isStale?.()) return null;
        return drainAsync(analysis(files, request), request.sliceMs ?? DEFAULT_SLICE_MS, () => generation !== own || (request.isStale?.() ?? false));
      });
      queue = mine.catch(() => undefined);
      return mine;
    },

    shardFacts(files: SourceFile[], onParsed?: () => void): ShardFacts {
      generation++;
      const { parsed, reports } = parseAll(files, onParsed);
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
      generation++;
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
