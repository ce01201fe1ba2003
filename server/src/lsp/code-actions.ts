/**
 * Code actions: for each wsplint diagnostic its fixes (one per choice), "disable for this line" and
 * "open rule docs" beside them (vscode-eslint's arrangement); and `source.fixAll.wsplint`. The edits come
 * from ../core/fix (plain offsets, shared with `wsplint fix`); this file only wraps them in LSP types.
 */
import { CodeActionKind, LSPErrorCodes, ResponseError, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core';
import { isDiagnosticData, SOURCE, toTextEdit } from './convert';
import type { DiagnosticsService } from './diagnostics';
import { detectStyle, disableLineFix, fixAllAsync, fixContext, fixesFor, removeSuppressionFix, type FixChoice, type FixContext } from '../core/fix';
import { contractForFunction } from '../core/spec/implementation-of';
import type { AnalysisSession } from './analysis-session';
import { Commands, FIX_ALL_KIND } from './protocol';
import type { SettingsStore } from './settings-store';

export interface CodeActionDeps {
  documents: TextDocuments<TextDocument>;
  diagnostics: DiagnosticsService;
  session: AnalysisSession;
  settings: SettingsStore;
  /** The client can resolve code actions lazily (fix-all is computed only when chosen). */
  resolveEdits: boolean;
}

interface FixAllData {
  fixAll: true;
  uri: string;
  version: number;
}

export function contextFor(text: string, finding: Finding, session: AnalysisSession, style = detectStyle(text)): FixContext {
  return fixContext(text, finding, (name, t) => contractForFunction(name, t), () => session.workspaceTexts(), style);
}

/** `only` lists kinds or their prefixes: `source` asks for `source.fixAll.wsplint` too. */
function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export async function codeActions(params: CodeActionParams, deps: CodeActionDeps, token?: CancellationToken): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const doc = deps.documents.get(uri);
  if (!doc) return [];
  const cached = await deps.diagnostics.current(uri);
  if (!cached) return [];
  const text = doc.getText();
  const style = detectStyle(text);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE || !isDiagnosticData(d.data)) continue;
      const data = d.data;
      const finding = cached.result.findings.find((f) => f.fingerprint === data.fingerprint && f.rule === data.rule && f.range.start.line === d.range.start.line)
        ?? cached.result.findings.find((f) => f.fingerprint === data.fingerprint && f.rule === data.rule);
      if (!finding) continue;
      actions.push(...quickFixes(doc, finding, d, contextFor(text, finding, deps.session, style)));
    }
  }
  // Fix-all is a source action: offered when asked for (on save, the Source Action menu), not in the lightbulb.
  const fixable = () =>
    cached.result.findings.some((f) => {
      const choices = fixesFor(f, contextFor(text, f, deps.session, style));
      return choices[0]?.safe === true;
    });
  if (only && wanted(only, FIX_ALL_KIND) && fixable()) {
    const action: CodeAction = { title: 'Fix all safe wsplint problems', kind: FIX_ALL_KIND };
    const data: FixAllData = { fixAll: true, uri, version: doc.version };
    if (deps.resolveEdits) action.data = data;
    else Object.assign(action, await resolveFixAll(data, deps, token));
    actions.push(action);
  }
  return actions;
}

function quickFixes(doc: TextDocument, finding: Finding, diagnostic: Diagnostic, ctx: FixContext): CodeAction[] {
  const uri = doc.uri;
  const toAction = (c: FixChoice, preferred: boolean): CodeAction => ({
    title: c.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred || undefined,
    edit: { changes: { [uri]: c.edits.map((e) => toTextEdit(doc, e)) } },
  });
  const out: CodeAction[] = [];
  if (finding.rule === 'unused-suppression' || finding.rule === 'unknown-suppression') {
    const r = removeSuppressionFix(finding, ctx);
    if (r) out.push(toAction(r, true));
  } else {
    const choices = fixesFor(finding, ctx);
    out.push(...choices.map((c, i) => toAction(c, i === 0 && c.safe)));
    out.push(toAction(disableLineFix(finding, ctx), false));
  }
  out.push({
    title: `Show documentation for ${finding.rule}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: `Show documentation for ${finding.rule}`, command: Commands.openRuleDocs, arguments: [finding.rule] },
  });
  return out;
}

export async function resolveCodeAction(action: CodeAction, deps: CodeActionDeps, token?: CancellationToken): Promise<CodeAction> {
  const data = action.data as Partial<FixAllData> | undefined;
  if (!data?.fixAll || typeof data.uri !== 'string') return action;
  return { ...action, ...(await resolveFixAll(data as FixAllData, deps, token)) };
}

/** Fix-all analyses the document once per round; a cancelled request stops between rounds with an error. */
async function resolveFixAll(data: FixAllData, deps: CodeActionDeps, token?: CancellationToken): Promise<Pick<CodeAction, 'edit'>> {
  const doc = deps.documents.get(data.uri);
  if (!doc) return {};
  const input = deps.diagnostics.input(doc);
  const analyzer = await deps.session.prepare(await deps.settings.get(doc.uri));
  const { edit, cancelled } = await fixAllAsync(
    input.text,
    (text) => analyzer.run({ ...input, text }).findings,
    (text, f) => contextFor(text, f, deps.session),
    { isCancelled: () => token?.isCancellationRequested === true },
  );
  if (cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'fix-all cancelled');
  if (!edit) return { edit: { changes: {} } };
  return { edit: { changes: { [doc.uri]: [toTextEdit(doc, edit)] } } };
}

