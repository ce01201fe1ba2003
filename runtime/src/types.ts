/**
 * Result shapes of the reference runtime. Every stack (simulated now, host and Winsock later) produces
 * exactly these, so the CLI, the language server and comparisons read one format.
 * Lines are 1-based, as a compiler prints them.
 */

/** `spec`: exactly what the reference pages say; `windows`: what current Windows is observed to do. */
export type Profile = 'spec' | 'windows';

/** Which stack ran the snippet. `host` and `winsock` are the native stacks (issue 5). */
export type StackName = 'simulated' | 'host' | 'winsock';

/** One call the snippet made to the socket interface (an SPI function or its API twin). */
export interface CallRecord {
  line: number;
  /** The name as the snippet wrote it: `WSPConnect`, `connect`, `lpWSPConnect` is reported as `WSPConnect`. */
  call: string;
  /** The value the call returned to the snippet (SOCKET_ERROR is -1; INVALID_SOCKET is reported as -1 too). */
  returned: number;
  /** The WSA error name stored in `*lpErrno` (SPI) or set for `WSAGetLastError` (API) when the call failed. */
  error: string | null;
  /** Numeric value of `error`. */
  code: number | null;
  /** Why the stack answered this way (state, network, profile), for people. */
  detail: string;
}

/** A network event the stack delivered: recorded for WSPEventSelect or posted for WSPAsyncSelect. */
export interface EventRecord {
  /** Line of the call during which the event happened (usually the call that waited). */
  line: number;
  socket: number;
  /** `FD_CONNECT`, `FD_WRITE`, ... */
  event: string;
  /** The error code that comes with the event (0 for success), as a WSA name, or null for success. */
  error: string | null;
}

export interface SnippetResult {
  name: string;
  /** Line of the snippet's function definition. */
  line: number;
  stack: StackName;
  profile: Profile;
  calls: CallRecord[];
  events: EventRecord[];
  /** What the snippet printed, one entry per line. */
  output: string[];
  /** Set when the run itself stopped (unsupported construct, step budget, a wait that could never end). */
  error: string | null;
}

export interface RunReport {
  version: 1;
  snippets: SnippetResult[];
}
