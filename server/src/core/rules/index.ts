import { badReturnValue } from './bad-return-value';
import { calleeLenNotSet } from './callee-len-not-set';
import { calleeNullDeref } from './callee-null-deref';
import { calleeUnboundedCopy } from './callee-unbounded-copy';
import { errnoNotSet } from './errno-not-set';
import { nonWsaError, undocumentedError } from './error-codes';
import { nameUnchecked } from './name-unchecked';
import { handleLeakOnError } from './handle-leak';
import { lowerErrnoNotPropagated, lowerSocketHandle } from './layered';
import { optionalNullDeref } from './optional-null-deref';
import type { Rule } from './rule';
import { procTableIncomplete, startupUpcallNotStored, startupVersionUnchecked } from './startup';

/** The per-function rules, run on every implementation after path exploration (each knows its contract). */
export const FUNCTION_RULES: readonly Rule[] = [
  errnoNotSet,
  undocumentedError,
  nonWsaError,
  badReturnValue,
  calleeLenNotSet,
  calleeNullDeref,
  calleeUnboundedCopy,
  nameUnchecked,
  optionalNullDeref,
  procTableIncomplete,
  startupVersionUnchecked,
  startupUpcallNotStored,
  lowerSocketHandle,
  lowerErrnoNotPropagated,
  handleLeakOnError,
];
