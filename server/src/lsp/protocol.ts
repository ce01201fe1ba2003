/**
 * wsplint's own protocol messages, shared by the server and the extension (vscode-eslint keeps its
 * custom messages in one shared file the same way). Types only plus message descriptors.
 */
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

export type AnalysisState = 'idle' | 'analyzing' | 'scanning' | 'disabled';

export interface StatusParams {
  state: AnalysisState;
  /** Document the last analysis was for. */
  uri?: string;
  /** Wall time of the last analysis, in milliseconds. */
  analysisMs?: number;
  findings?: number;
  /** Files known from the workspace scan. */
  workspaceFiles?: number;
  /** Set when the scan stopped at wsplint.maxFiles, or a file was skipped. */
  note?: string;
}

/** Server -> client: analysis state for the language status item. */
export const StatusNotification = new NotificationType<StatusParams>('wsplint/status');

export interface ReanalyzeResult {
  workspaceFiles: number;
  documents: number;
}

/** Client -> server: rescan the workspace and re-analyse every open document. */
export const ReanalyzeWorkspaceRequest = new RequestType0<ReanalyzeResult, void>('wsplint/reanalyzeWorkspace');

/** Server commands (workspace/executeCommand). */
export const Commands = {
  openRuleDocs: 'wsplint.openRuleDocs',
} as const;

/** Code action kind of the "apply every safe fix" action. */
export const FIX_ALL_KIND = 'source.fixAll.wsplint';
