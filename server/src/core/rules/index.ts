import { badReturnValue } from './bad-return-value';
import { calleeLenNotSet } from './callee-len-not-set';
import { calleeNullDeref } from './callee-null-deref';
import { calleeUnboundedCopy } from './callee-unbounded-copy';
import { errnoNotSet } from './errno-not-set';
import { nonWsaError, undocumentedError } from './error-codes';
import { nameUnchecked } from './name-unchecked';
import type { Rule } from './rule';

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
];
