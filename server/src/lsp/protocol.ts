/**
 * wsplint's own protocol messages, shared by the server and the extension (vscode-eslint keeps its
 * custom messages in one shared file the same way). Types only plus message descriptors.
 */
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Profile, SnippetResult, StackName } from '../../../runtime/src/types';

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
  /** Arguments: one RunSnippetArgs. Answers a RunSnippetResult. */
  runSnippet: 'wsplint.runSnippet',
  /** Arguments: none (every run) or one CancelRunArgs. Answers the number of runs stopped. */
  cancelRun: 'wsplint.cancelRun',
} as const;

/** `native` is the best native stack the runtime has; `compare` runs simulated and native side by side. */
export type RunMode = 'simulated' | 'native' | 'host' | 'winsock' | 'compare';

/** What a Run lens carries: everything the server needs to run the snippet again, as a CLI run would. */
export interface RunSnippetArgs {
  uri: string;
  /** The snippet's name (its `// wsplint:snippet NAME`, else its function name). */
  snippet: string;
  /** 0-based line of the snippet's function when the lens was made; picks among snippets of one name. */
  line?: number;
  stack: RunMode;
  /** Overrides the snippet's own `profile=` option for simulated runs. */
  profile?: Profile;
}

export interface CancelRunArgs {
  uri?: string;
  snippet?: string;
}

/** Calls whose results differ between the two stacks of a compare run, by line. */
export interface RunDifference {
  /** 1-based, as the results' lines. */
  line: number;
  /** What each stack's calls on that line returned, as the hints show it ('' when the line was not reached). */
  left: string;
  right: string;
}

export interface RunSnippetResult {
  ok: boolean;
  /** Why the run did not happen or did not finish (untrusted workspace, wall-clock limit, cancelled, setup error). */
  error?: string;
  /** One result per stack (two for compare). */
  results: SnippetResult[];
  /** Compare runs only. */
  differences?: RunDifference[];
}

/** Server -> client: what a snippet printed, and a line about how its run went, for the output channel. */
export interface SnippetOutputParams {
  uri: string;
  snippet: string;
  stack: StackName | RunMode;
  /** One-line summary ("refused_connect on the simulated stack: 3 calls, stopped: ..."). */
  summary: string;
  output: string[];
}

export const SnippetOutputNotification = new NotificationType<SnippetOutputParams>('wsplint/snippetOutput');

/**
 * Client -> server: the workspace's trust changed (VS Code: onDidGrantWorkspaceTrust). The initial state
 * comes in `initializationOptions.workspaceTrusted`; a client that says nothing is treated as untrusted,
 * so native runs (real sockets, compiled code) need a client that vouches for the workspace.
 */
export interface WorkspaceTrustParams {
  trusted: boolean;
}

export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('wsplint/workspaceTrust');

/** Code action kind of the "apply every safe fix" action. */
export const FIX_ALL_KIND = 'source.fixAll.wsplint';
