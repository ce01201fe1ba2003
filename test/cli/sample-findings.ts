/** Hand-built findings for the formatter tests (they do not need the analysis core). */
import type { Finding, PathStep, RuleId, Severity } from '../../server/src/core/types';

export function finding(p: {
  rule?: RuleId;
  severity?: Severity;
  file?: string;
  line: number; // 0-based, as in Finding
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string;
  fn?: string;
  steps?: PathStep[];
  fingerprint?: string;
}): Finding {
  const column = p.column ?? 4;
  return {
    rule: p.rule ?? 'errno-not-set',
    severity: p.severity ?? 'error',
    message: p.message ?? 'WSPConnect returns SOCKET_ERROR without setting *lpErrno on this path',
    file: p.file ?? 'src/provider.c',
    range: {
      start: { line: p.line, column },
      end: { line: p.endLine ?? p.line, column: p.endColumn ?? column + 20 },
      startOffset: 100,
      endOffset: 120,
    },
    function: p.fn ?? 'WSPConnect',
    steps: p.steps ?? [],
    fingerprint: p.fingerprint ?? 'errno-not-set|WSPConnect|return SOCKET_ERROR;',
  };
}

export function step(line: number, message: string, file = 'src/provider.c', column = 4): PathStep {
  return { file, line, column, message };
}

/** Two findings with paths, one plain, across two files and all three severities. */
export function sampleFindings(): Finding[] {
  return [
    finding({
      line: 41,
      column: 8,
      steps: [step(30, 'branch taken: Context == NULL', 'src/provider.c', 4), step(41, 'returns SOCKET_ERROR', 'src/provider.c', 8)],
    }),
    finding({
      rule: 'undocumented-error',
      severity: 'info',
      line: 57,
      message: '*lpErrno = WSAEHOSTUNREACH: not documented for WSPConnect (ws2_32 expects it from providers)',
      fingerprint: 'undocumented-error|WSPConnect|*lpErrno = WSAEHOSTUNREACH;',
      steps: [step(12, 'MapStatus returns WSAEHOSTUNREACH', 'src/map status.c', 2)],
    }),
    finding({
      rule: 'callee-len-not-set',
      severity: 'warning',
      file: 'src/other.cpp',
      line: 9,
      column: 0,
      message: 'returns 0 while lpCalleeData->len was never written',
      fn: 'Provider::Connect',
      fingerprint: 'callee-len-not-set|Provider::Connect|return 0;',
    }),
  ];
}
