/**
 * Plain-text report, one finding per line in the `file:line:col:` form that editors and CI logs turn
 * into links, each followed by the path that leads to it.
 */
import type { Finding, Severity } from '../types';

export interface RunSummary {
  /** Files that were analysed. */
  checked: number;
  /** Files that were skipped (binary, too large, unreadable). */
  skipped: number;
}

export function formatText(findings: readonly Finding[], summary: RunSummary): string {
  const lines: string[] = [];
  for (const f of findings) lines.push(...findingLines(f));
  lines.push(summaryLine(findings, summary));
  return lines.join('\n') + '\n';
}

/** The lines of one finding (the CLI streams these as results come in, then the summary line). */
export function findingLines(f: Finding): string[] {
  const { line, column } = f.range.start;
  return [`${f.file}:${line + 1}:${column + 1}: ${f.severity} ${f.rule}: ${f.message}`, ...f.steps.map((s) => `    ${s.file}:${s.line + 1}: ${s.message}`)];
}

export function summaryLine(findings: readonly Finding[], summary: RunSummary): string {
  const files = `${summary.checked} ${plural(summary.checked, 'file')} checked`;
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped` : '';
  if (findings.length === 0) return `no findings in ${files}${skipped}`;
  const counts = (['error', 'warning', 'info'] as Severity[])
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${plural(n, s)}`);
  return `${findings.length} ${plural(findings.length, 'finding')} (${counts.join(', ')}) in ${files}${skipped}`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
