import type { RuleId, Severity } from '../types';

/** Metadata of every rule: shared by the CLI (text, JSON, SARIF), the language server and the docs. */
export interface RuleMeta {
  id: RuleId;
  /** Default severity; settings may override it per rule. */
  severity: Severity;
  /** One line, for lists and SARIF shortDescription. */
  title: string;
  /** Path of the rule's page, relative to the repository root. */
  doc: string;
}

export const RULES: readonly RuleMeta[] = [
  { id: 'errno-not-set', severity: 'error', title: 'A path returns SOCKET_ERROR without writing *lpErrno', doc: 'docs/rules/errno-not-set.md' },
  { id: 'undocumented-error', severity: 'warning', title: '*lpErrno is set to a WSA code the function does not document', doc: 'docs/rules/undocumented-error.md' },
  { id: 'non-wsa-error', severity: 'error', title: '*lpErrno is set to a value that is not a WSA error code', doc: 'docs/rules/non-wsa-error.md' },
  { id: 'bad-return-value', severity: 'error', title: 'The function returns something other than 0 or SOCKET_ERROR', doc: 'docs/rules/bad-return-value.md' },
  { id: 'callee-len-not-set', severity: 'warning', title: 'A success return leaves lpCalleeData->len unwritten', doc: 'docs/rules/callee-len-not-set.md' },
  { id: 'callee-null-deref', severity: 'error', title: 'An optional pointer (lpCalleeData, lpCallerData, lpSQOS) is dereferenced without a NULL check', doc: 'docs/rules/callee-null-deref.md' },
  { id: 'callee-unbounded-copy', severity: 'error', title: 'A copy into lpCalleeData->buf is not bounded by lpCalleeData->len', doc: 'docs/rules/callee-unbounded-copy.md' },
  { id: 'name-unchecked', severity: 'error', title: 'name is used before it is checked for NULL and namelen against the size it needs', doc: 'docs/rules/name-unchecked.md' },
  { id: 'optional-null-deref', severity: 'error', title: 'An optional pointer parameter (lpOverlapped, lpFrom, ...) is dereferenced without a NULL check', doc: 'docs/rules/optional-null-deref.md' },
  { id: 'proc-table-incomplete', severity: 'error', title: 'WSPStartup returns success without filling every WSPPROC_TABLE entry', doc: 'docs/rules/proc-table-incomplete.md' },
  { id: 'proc-entry-signature', severity: 'error', title: 'A function installed in a WSPPROC_TABLE entry does not have that entry\'s signature', doc: 'docs/rules/proc-entry-signature.md' },
  { id: 'startup-version-unchecked', severity: 'warning', title: 'WSPStartup never checks the requested version', doc: 'docs/rules/startup-version-unchecked.md' },
  { id: 'startup-upcall-not-stored', severity: 'warning', title: 'WSPStartup never keeps the upcall table', doc: 'docs/rules/startup-upcall-not-stored.md' },
  { id: 'lower-socket-handle', severity: 'error', title: 'A call to the lower provider passes the application\'s socket handle instead of the lower provider\'s socket', doc: 'docs/rules/lower-socket-handle.md' },
  { id: 'lower-errno-not-propagated', severity: 'error', title: 'A call to the lower provider gets an error variable that is never copied back to *lpErrno', doc: 'docs/rules/lower-errno-not-propagated.md' },
  { id: 'handle-leak-on-error', severity: 'warning', title: 'A handle from WPUCreateSocketHandle is not closed on an error path', doc: 'docs/rules/handle-leak-on-error.md' },
  { id: 'parse-health', severity: 'info', title: 'Part of a judged function did not parse; findings there may be incomplete', doc: 'docs/rules/parse-health.md' },
  { id: 'unknown-suppression', severity: 'warning', title: 'A suppression comment names a rule that does not exist', doc: 'docs/rules/unknown-suppression.md' },
  { id: 'unused-suppression', severity: 'info', title: 'A suppression comment suppresses nothing', doc: 'docs/rules/unused-suppression.md' },
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

export function ruleMeta(id: RuleId): RuleMeta {
  const m = RULES.find((r) => r.id === id);
  if (!m) throw new Error(`unknown rule ${id}`);
  return m;
}

/** Where the docs live online; the LSP codeDescription and SARIF helpUri point here. */
export const DOCS_BASE = 'https://github.com/wsplint/wsplint/blob/main/';
