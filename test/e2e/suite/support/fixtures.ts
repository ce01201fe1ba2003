/** Opening fixtures and reading the expectations they state about themselves. */
import * as vscode from 'vscode';
import { waitFor } from './wait';

export const SOURCE = 'wsplint';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the runner must open a copy of test/e2e/fixtures');
  return folder.uri;
}

export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), name);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  if (doc.languageId !== 'c') throw new Error(`${name} opened as '${doc.languageId}', expected 'c'`);
  return doc;
}

/** Drops unsaved edits of the active editor and closes it, so the next test (and hot exit) sees the file as on disk. */
export async function revertAndClose(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export interface Expectation {
  rule: string;
  line: number; // 0-based
}

/** `expect: <rule>` in a comment: a diagnostic with that code starts on this line. */
export function expectations(doc: vscode.TextDocument): Expectation[] {
  const out: Expectation[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    for (const m of doc.lineAt(line).text.matchAll(/(?:\/\/|\/\*)\s*expect:\s*([a-z-]+)/g)) out.push({ rule: m[1], line });
  }
  return out;
}

/** First 0-based line whose text contains `needle`. */
export function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let line = 0; line < doc.lineCount; line++) if (doc.lineAt(line).text.includes(needle)) return line;
  throw new Error(`"${needle}" not found in ${doc.uri.path}`);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function wsplintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return 'no diagnostics';
  return ds.map((d) => `${d.source ?? '?'}/${codeOf(d) ?? '?'}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ');
}

/** Waits until the wsplint diagnostics of `uri` satisfy `done`; returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  done: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = 60_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const ds = wsplintDiagnostics(uri);
    return done(ds) ? ds : undefined;
  }, { timeoutMs, describe: () => describeDiagnostics(vscode.languages.getDiagnostics(uri)) });
}

export function hasDiagnostic(ds: readonly vscode.Diagnostic[], rule: string, line: number): boolean {
  return ds.some((d) => codeOf(d) === rule && d.range.start.line === line);
}
