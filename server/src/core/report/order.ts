import type { Finding } from '../types';

/**
 * Report order: files in the order they were checked (then by name for files the analyzer reports but
 * the caller did not list), then position, then rule id. Reports must not depend on the order in which
 * the analyzer happened to produce findings.
 */
export function sortFindings(findings: readonly Finding[], fileOrder: readonly string[] = []): Finding[] {
  const rank = new Map(fileOrder.map((f, i) => [f, i] as const));
  const fileRank = (f: string): number => rank.get(f) ?? fileOrder.length;
  return [...findings].sort(
    (a, b) =>
      fileRank(a.file) - fileRank(b.file) ||
      cmp(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      cmp(a.rule, b.rule) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
