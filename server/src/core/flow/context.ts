import type { Node } from 'web-tree-sitter';
import type { ConstValue } from '../model/constants';
import type { FunctionInfo } from '../model/functions';
import type { FlowEvent, HelperSummary } from './events';
import type { Val } from './state';

/** Everything the explorer of one function needs from the run around it. */
export interface RunContext {
  /** Summary of the function a call resolves to, or null (unknown code: assume it may write what it gets). */
  /**
   * `constArgs[j]` is the constant the call passes as argument j, when it passes one: the helper is then
   * summarized for those values (`MsafdReturnWithErrno(STATUS_INSUFFICIENT_RESOURCES, ...)`).
   */
  summaryFor(call: Node, name: string, argCount: number, caller: FunctionInfo, constArgs?: ReadonlyArray<Val | null>): HelperSummary | null;
  /** Constants every assignment to a global variable uses, or null when one is not constant. */
  globalValues(name: string): ConstValue[] | null | undefined;
  /** Object-like macro value (`#define MY_ERR WSAECONNRESET`) from any file of the run. */
  define(name: string): string | undefined;
  /** Return convention of a function only declared in the run (a prototype), if any. */
  prototype(name: string): ReturnKind | undefined;
  /** Function-like macro from any file of the run. */
  macroFn(name: string): { params: string[]; body: string } | undefined;
}

/** How a function reports failure through its return value. */
export type ReturnKind = 'pointer' | 'bool' | 'int' | 'socket' | 'void' | 'other';

export interface ExploreCtx {
  run: RunContext;
  fn: FunctionInfo;
  /** Parameter name -> index. */
  params: Map<string, number>;
  /** Locals bound to lambdas (`auto fail = [&](int e) {...}`). */
  lambdas: Map<string, Node>;
  events: FlowEvent[];
  /** Parameters that carry an error code out (`lpErrno`, `int *err`): written only on failure by callees. */
  errorParams: number;
}
