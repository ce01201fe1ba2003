/**
 * The quick-fix golden cases, shared by the edit unit test (hand-built hints) and the LSP test (real
 * findings over JSON-RPC): test/lsp/golden/<name>.c fixed by the chosen action must equal <name>.fixed.c.
 */
import assert from 'node:assert/strict';
import type { FixHint, RuleId } from '../../server/src/core';

export interface FixCase {
  name: string;
  rule: RuleId;
  /** Where the finding is: its statement contains this offset. */
  anchor(text: string): number;
  /** The hint the analyzer gives (the unit test's stand-in for the core). */
  hint(text: string): FixHint;
  /** Substring of the title of the action to apply. */
  title: string;
  /** Function the finding is in. */
  fn?: string;
}

/** Offset of `needle` (after `after`, when given); fails the test when the fixture lacks it. */
export function at(text: string, needle: string, after?: string): number {
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from >= 0, `fixture lacks ${after}`);
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `fixture lacks ${needle}`);
  return i;
}

const ctxReturn = (t: string): number => at(t, 'return SOCKET_ERROR;', 'ctx == NULL');
const familyReturn = (t: string): number => at(t, 'return SOCKET_ERROR;', 'AF_INET)');

export const FIX_CASES: FixCase[] = [
  {
    name: 'set-errno-context',
    rule: 'errno-not-set',
    anchor: ctxReturn,
    hint: (t) => ({ kind: 'set-errno-before-return', returnOffset: ctxReturn(t), errnoParam: 'lpErrno', suggested: 'WSAENOTSOCK' }),
    title: '= WSAENOTSOCK',
  },
  {
    name: 'set-errno-braceless',
    rule: 'errno-not-set',
    anchor: familyReturn,
    hint: (t) => ({ kind: 'set-errno-before-return', returnOffset: familyReturn(t), errnoParam: 'lpErrno', suggested: null }),
    title: '= WSAEAFNOSUPPORT',
  },
  {
    name: 'replace-posix-code',
    rule: 'non-wsa-error',
    anchor: (t) => at(t, 'ECONNREFUSED'),
    hint: (t) => ({ kind: 'replace-code', startOffset: at(t, 'ECONNREFUSED'), endOffset: at(t, 'ECONNREFUSED') + 'ECONNREFUSED'.length, replacement: 'WSAECONNREFUSED' }),
    title: 'WSAECONNREFUSED',
  },
  {
    name: 'replace-undocumented-code',
    rule: 'undocumented-error',
    anchor: (t) => at(t, 'WSAEHOSTUNREACH'),
    hint: (t) => ({ kind: 'replace-code', startOffset: at(t, 'WSAEHOSTUNREACH'), endOffset: at(t, 'WSAEHOSTUNREACH') + 'WSAEHOSTUNREACH'.length, replacement: 'WSAENETUNREACH' }),
    title: 'WSAENETUNREACH',
  },
  {
    name: 'set-callee-len',
    rule: 'callee-len-not-set',
    anchor: (t) => at(t, 'return 0;'),
    hint: (t) => ({ kind: 'set-callee-len', returnOffset: at(t, 'return 0;'), calleeParam: 'lpCalleeData' }),
    title: 'lpCalleeData->len = 0',
  },
  {
    name: 'null-guard',
    rule: 'callee-null-deref',
    anchor: (t) => at(t, 'lpCalleeData->len = 0;'),
    hint: (t) => ({ kind: 'null-guard', stmtStartOffset: at(t, 'lpCalleeData->len = 0;'), stmtEndOffset: at(t, 'lpCalleeData->len = 0;') + 'lpCalleeData->len = 0;'.length, param: 'lpCalleeData' }),
    title: 'NULL',
  },
  {
    name: 'bound-copy',
    rule: 'callee-unbounded-copy',
    anchor: (t) => at(t, 'memcpy('),
    hint: (t) => ({ kind: 'bound-copy', lenStartOffset: at(t, 'ctx->replyLen', 'memcpy('), lenEndOffset: at(t, 'ctx->replyLen', 'memcpy(') + 'ctx->replyLen'.length, calleeParam: 'lpCalleeData' }),
    title: 'at most',
  },
  {
    name: 'add-name-check',
    rule: 'name-unchecked',
    anchor: (t) => at(t, 'name->sa_family'),
    hint: (t) => ({ kind: 'add-name-check', bodyOpenOffset: at(t, '{', 'LPINT lpErrno)'), nameParam: 'name', namelenParam: 'namelen', errnoParam: 'lpErrno' }),
    title: 'WSAEFAULT',
  },
  {
    name: 'disable-line',
    rule: 'errno-not-set',
    anchor: ctxReturn,
    hint: (t) => ({ kind: 'set-errno-before-return', returnOffset: ctxReturn(t), errnoParam: 'lpErrno', suggested: null }),
    title: 'Disable errno-not-set',
  },
];

/** The same case with other layouts: CRLF line ends and tab indentation must survive a fix. */
export const LAYOUTS: { name: string; apply(text: string): string }[] = [
  { name: 'lf-spaces', apply: (t) => t },
  { name: 'crlf', apply: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'tabs', apply: (t) => t.replace(/^(?: {4})+/gm, (ws) => '\t'.repeat(ws.length / 4)) },
  { name: 'crlf-tabs', apply: (t) => t.replace(/^(?: {4})+/gm, (ws) => '\t'.repeat(ws.length / 4)).replace(/\n/g, '\r\n') },
];
