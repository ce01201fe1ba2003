import type { Node } from 'web-tree-sitter';
import type { Cand, State, Step } from './state';

/** What the path explorer saw, with the facts of the path at that point. Rules read only these. */
export type FlowEvent =
  | { kind: 'return'; node: Node; cands: Cand[] | null; st: State }
  /** A value stored through parameter `param` (`*p = v`, `p->field = v`), directly or by a callee. */
  | { kind: 'store'; node: Node; param: number; field: string | null; cands: Cand[] | null; via: string | null; st: State; extra: Step[] }
  /** Parameter `param` dereferenced (directly, or by a callee that does not check it). */
  | { kind: 'deref'; node: Node; param: number; access: 'read' | 'write'; field: string | null; via: string | null; st: State; extra: Step[] }
  /** A memory copy (`memcpy(dst, src, len)`, `strcpy(dst, src)`). */
  | { kind: 'copy'; node: Node; fn: string; dst: Node; src: Node | null; len: Node | null; st: State }
  /** `p->buf[i] = x`: an element written into a buffer reached through a parameter (loop copies). */
  | { kind: 'index-write'; node: Node; param: number; field: string; index: Node; st: State };

/** The behaviour of a helper, as seen by its callers (one outcome per distinct way it can return). */
export interface Outcome {
  ret: Cand | null;
  written: number;
  lenWritten: number;
  /** Parameters known non-NULL, and parameters compared, when the helper returns this way. */
  nonnull: number;
  /** Parameters this way of returning assumed NULL (`if (lpErrno) *lpErrno = e;` not taken). */
  isnull: number;
  compared: number;
  steps: Step[];
}

export interface HelperSummary {
  name: string;
  paramCount: number;
  outcomes: Outcome[];
  /** Values the helper stores through its parameter j (`*lpErrno = WSAECONNRESET`), with their steps. */
  stored: Array<{ param: number; cands: Cand[] | null; steps: Step[] }>;
  /** Parameters the helper dereferences (or copies from) without checking them for NULL first. */
  derefUnchecked: Array<{ param: number; steps: Step[] }>;
  /** The exploration hit its budget: the summary is partial. */
  truncated: boolean;
}
