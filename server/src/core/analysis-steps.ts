/**
 * The analysis as steps with pauses between them (after each file parsed, after each implementation
 * judged): run straight through by `analyze`, or a slice of time at a time by `analyzeAsync`, which
 * lets the language server answer hovers and code actions while a large document is analysed, and
 * drop an analysis whose document changed meanwhile.
 */
import { checkImplementation, implementations, toFindings, type ImplOptions } from './analyze';
import type { ParseCache } from './model/parse-cache';
import type { ParsedFile } from './model/parsed-file';
import type { Run } from './model/run';
import { languageOfSource } from './parse/language';
import type { ResultCache } from './result-cache';
import { procEntrySignature } from './rules/proc-entry-signature';
import { RULE_IDS } from './rules/registry';
import { applySuppressions } from './suppress/index';
import type { FileReport } from './index';
import type { Finding, SourceFile } from './types';
import { unparsedImplementations } from './unparsed-impls';

/** Steps of work; each `yield` is a point where the analysis may pause. */
export type Steps<T> = Generator<void, T, void>;

export function* parseAllSteps(parses: ParseCache, files: readonly SourceFile[], onParsed?: () => void): Steps<{ parsed: ParsedFile[]; reports: FileReport[] }> {
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
    onParsed?.();
    yield;
  }
  return { parsed, reports };
}

export interface JudgeOptions extends ImplOptions {
  functions?: string[];
}

/** Findings of the implementations in `own` (only those in `only`, when given), suppressions applied. */
export function* judgeSteps(run: Run, own: readonly ParsedFile[], only: ReadonlySet<string> | null, options: JudgeOptions, results: ResultCache | undefined): Steps<Finding[]> {
  const byFile = new Map<string, Finding[]>();
  const impls = implementations(run, options.functions);
  for (const impl of impls) {
    const path = impl.fn.path;
    if (only && !only.has(path)) continue;
    const list = byFile.get(path) ?? [];
    list.push(...checkImplementation(run, impl, options, results));
    byFile.set(path, list);
    yield;
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
}

/** All the steps at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The steps, pausing for the event loop whenever a slice of `sliceMs` is used up; `stop()` is asked after
 * each pause, and true abandons the analysis (null) before it touches anything again.
 */
export async function drainAsync<T>(steps: Steps<T>, sliceMs: number, stop: () => boolean): Promise<T | null> {
  let t0 = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - t0 < sliceMs) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stop()) {
      steps.return(undefined as never);
      return null;
    }
    t0 = performance.now();
  }
}
