/** Domain types of the analysis core. Nothing here knows about LSP. */

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'errno-not-set'
  | 'undocumented-error'
  | 'non-wsa-error'
  | 'bad-return-value'
  | 'callee-len-not-set'
  | 'callee-null-deref'
  | 'callee-unbounded-copy'
  | 'name-unchecked'
  | 'optional-null-deref'
  | 'proc-table-incomplete'
  | 'proc-entry-signature'
  | 'startup-version-unchecked'
  | 'startup-upcall-not-stored'
  | 'lower-socket-handle'
  | 'lower-errno-not-propagated'
  | 'handle-leak-on-error'
  | 'parse-health'
  | 'unknown-suppression'
  | 'unused-suppression';

export type Language = 'c' | 'cpp';

export interface SourceFile {
  /** Path as the user gave it (used in findings). */
  path: string;
  text: string;
  /** Taken from the extension when absent (.c/.h are C, the rest C++). */
  language?: Language;
}

/** 0-based line, 0-based column in UTF-16 code units (what JavaScript strings and LSP use). */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
  /** Offsets into the file text (UTF-16 code units). */
  startOffset: number;
  endOffset: number;
}

/** One step of the path that leads to a finding ("branch taken", "jumps to cleanup", ...). */
export interface PathStep {
  file: string;
  line: number; // 0-based
  column: number; // 0-based
  message: string;
}

/** What a quick fix needs; the LSP layer turns it into a text edit. Offsets are into the file text. */
export type FixHint =
  | { kind: 'set-errno-before-return'; returnOffset: number; errnoParam: string; suggested: string | null }
  | { kind: 'replace-code'; startOffset: number; endOffset: number; replacement: string | null }
  | { kind: 'set-callee-len'; returnOffset: number; calleeParam: string }
  | { kind: 'null-guard'; stmtStartOffset: number; stmtEndOffset: number; param: string }
  | { kind: 'bound-copy'; lenStartOffset: number; lenEndOffset: number; calleeParam: string }
  | {
      kind: 'add-name-check';
      bodyOpenOffset: number;
      nameParam: string;
      namelenParam: string;
      errnoParam: string;
    };

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  /** Name of the function the finding is in (the WSPConnect implementation). */
  function: string;
  steps: PathStep[];
  fix?: FixHint;
  /** Stable across line moves: rule, function, and the normalized text of the statement. */
  fingerprint: string;
}
