import type { FlowEvent } from '../flow/events';
import { stepsOf, type Step } from '../flow/state';
import type { Cfg } from '../flow/cfg';
import type { FunctionInfo } from '../model/functions';
import type { Run } from '../model/run';
import type { FunctionContract } from '../spec/types';
import type { FixHint, RuleId, Severity } from '../types';

/** An implementation of an SPI function after path exploration: what every rule reads. */
export interface ImplCheck {
  fn: FunctionInfo;
  contract: FunctionContract;
  events: FlowEvent[];
  /** Parameter name -> position, as the explorer resolved them. */
  params: Map<string, number>;
  /** Position of lpErrno; null where the function reports errors through its return value (WSPStartup). */
  errno: number | null;
  /** Positions of the connect parameters, for WSPConnect and WSPJoinLeaf (matched by position, not name). */
  connect: ConnectRoles | null;
  cfg: Cfg;
  run: Run;
}

export interface ConnectRoles {
  name: number;
  namelen: number;
  caller: number;
  callee: number;
  sqos: number;
  gqos: number;
  /** WSPConnect's lpErrno (the rules that add a check write through it). */
  errno: number;
}

export interface RawFinding {
  rule: RuleId;
  start: number;
  end: number;
  message: string;
  steps: Step[];
  fix?: FixHint;
  severity?: Severity;
}

export interface Rule {
  id: RuleId;
  check(c: ImplCheck): RawFinding[];
}

export function paramName(c: ImplCheck, i: number): string {
  return c.fn.params[i]?.name || c.contract.params[i]?.name || `parameter ${i + 1}`;
}

/** The path to an event, then the steps inside helpers that produced the value, then the event itself. */
export function pathTo(c: ImplCheck, ev: { st: { steps: Parameters<typeof stepsOf>[0] } }, extra: Step[], at: number, message: string): Step[] {
  return [...stepsOf(ev.st.steps), ...extra, { file: c.fn.file, offset: at, message }];
}

/** Reports each (rule, location) once: the first path found is the one explained. */
export class Once {
  private readonly seen = new Set<string>();
  first(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
