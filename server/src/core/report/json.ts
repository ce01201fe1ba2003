/**
 * JSON report. The shape is a public interface (CI scripts parse it): every key is always present,
 * lines and columns are 1-based, columns count UTF-16 code units, and endColumn is exclusive (the
 * column just after the last character, as in SARIF).
 */
import type { Finding, RuleId, Severity } from '../types';

export interface JsonStep {
  file: string;
  line: number;
  message: string;
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: RuleId;
  severity: Severity;
  message: string;
  function: string;
  steps: JsonStep[];
}

export interface JsonReport {
  version: 1;
  findings: JsonFinding[];
}

export function toJsonReport(findings: readonly Finding[]): JsonReport {
  return {
    version: 1,
    findings: findings.map((f) => ({
      file: f.file,
      line: f.range.start.line + 1,
      column: f.range.start.column + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.column + 1,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      function: f.function,
      steps: f.steps.map((s) => ({ file: s.file, line: s.line + 1, message: s.message })),
    })),
  };
}

export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(toJsonReport(findings), null, 2) + '\n';
}
