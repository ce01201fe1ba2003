/** Every conversion between core results and LSP types happens here (typescript-language-server's habit). */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range as LspRange,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCS_BASE } from '../core/rules/registry';
import { ruleMeta, type Finding, type Range, type RuleId, type Severity } from '../core';
import type { OffsetEdit } from '../core/fix';
import type { Settings } from './settings';

export const SOURCE = 'wsplint';

/** What a diagnostic carries so code actions find the finding (and its fix) again. */
export interface DiagnosticData {
  rule: RuleId;
  fingerprint: string;
}

export interface ConvertOptions {
  /** The client shows `relatedInformation`; otherwise the path is folded into the message. */
  relatedInformation: boolean;
  uriForPath(path: string): string;
}

export function toLspRange(r: Range): LspRange {
  return { start: { line: r.start.line, character: r.start.column }, end: { line: r.end.line, character: r.end.column } };
}

/** The severity the user asked for, or null when the rule is switched off. */
export function effectiveSeverity(f: Finding, settings: Settings): Severity | null {
  const s = settings.severity[f.rule];
  if (s === 'off') return null;
  return s ?? f.severity;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function ruleDocsUrl(rule: RuleId): string {
  return DOCS_BASE + ruleMeta(rule).doc;
}

export function toDiagnostic(f: Finding, severity: Severity, opts: ConvertOptions): Diagnostic {
  const data: DiagnosticData = { rule: f.rule, fingerprint: f.fingerprint };
  const related: DiagnosticRelatedInformation[] = f.steps.map((s) => ({
    location: { uri: opts.uriForPath(s.file), range: { start: { line: s.line, character: s.column }, end: { line: s.line, character: s.column } } },
    message: s.message,
  }));
  let message = f.message;
  if (!opts.relatedInformation && f.steps.length > 0) {
    message += '\nPath:\n' + f.steps.map((s) => `  ${baseName(s.file)}:${s.line + 1}:${s.column + 1}: ${s.message}`).join('\n');
  }
  const d: Diagnostic = {
    range: toLspRange(f.range),
    severity: SEVERITY[severity],
    code: f.rule,
    codeDescription: { href: ruleDocsUrl(f.rule) },
    source: SOURCE,
    message,
    data,
  };
  if (opts.relatedInformation && related.length > 0) d.relatedInformation = related;
  return d;
}

/** The one diagnostic of a file that was not analysed (too large, binary): says why, at the top. */
export function skippedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `wsplint did not analyse this file: ${reason}`,
  };
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  return typeof v === 'object' && v !== null && typeof (v as DiagnosticData).fingerprint === 'string' && typeof (v as DiagnosticData).rule === 'string';
}

export function toTextEdit(doc: TextDocument, e: OffsetEdit): TextEdit {
  return { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText };
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
