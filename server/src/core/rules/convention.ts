import { VALID_SOCKET, type Val } from '../flow/state';
import { isDocumentedFor } from '../spec/contracts';
import type { FunctionContract } from '../spec/types';

/** How a function of the SPI says success and failure with its return value (its page's "Return value"). */
export interface ReturnConvention {
  /** The value that means "failed, the code is in *lpErrno". */
  isFailure(v: Val): boolean;
  /** A value that certainly means success. */
  isSuccess(v: Val): boolean;
  /** A value the contract permits at all (a constant outside this set is a bad return value). */
  isAllowed(v: Val): boolean;
  failureName: string;
  describe: string;
}

const isNum = (v: Val, n: number): boolean => v.k === 'const' && v.num === n;
const named = (v: Val, ...names: string[]): boolean => v.k === 'const' && !!v.name && names.includes(v.name);

export function conventionOf(c: FunctionContract): ReturnConvention {
  const failure = c.returns.failure;
  if (failure.includes('INVALID_SOCKET')) {
    return {
      isFailure: (v) => named(v, 'INVALID_SOCKET', 'SOCKET_ERROR') || isNum(v, -1),
      isSuccess: (v) => v.k !== 'const' || v === VALID_SOCKET,
      // A socket handle is never a WSA code, an error constant, TRUE/FALSE or 0.
      isAllowed: (v) => v.k !== 'const' || v === VALID_SOCKET || isNum(v, -1) || (v.num === undefined && !/^(WSA|ERROR_|STATUS_|E[A-Z])/.test(v.name ?? '')),
      failureName: 'INVALID_SOCKET',
      describe: 'a socket handle on success or INVALID_SOCKET on failure',
    };
  }
  if (failure.includes('FALSE')) {
    return {
      isFailure: (v) => isNum(v, 0),
      isSuccess: (v) => v.k === 'nonnull' || isNum(v, 1),
      isAllowed: (v) => v.k !== 'const' || isNum(v, 0) || isNum(v, 1),
      failureName: 'FALSE',
      describe: 'TRUE on success or FALSE on failure',
    };
  }
  if (c.errorReporting === 'return-value') {
    // WSPStartup: "returns zero" or one of its error codes itself.
    return {
      isFailure: (v) => v.k === 'const' && !!v.name && isDocumentedFor(c, v.name),
      isSuccess: (v) => isNum(v, 0),
      isAllowed: (v) => v.k !== 'const' || isNum(v, 0) || (!!v.name && /^WSA/.test(v.name)),
      failureName: 'an error code',
      describe: '0 on success or one of its error codes',
    };
  }
  const counts = c.returns.success.some((s) => /number/.test(s));
  return {
    isFailure: (v) => named(v, 'SOCKET_ERROR') || isNum(v, -1),
    isSuccess: (v) => isNum(v, 0),
    // WSPSelect also returns the number of ready descriptors.
    isAllowed: (v) => v.k !== 'const' || isNum(v, 0) || isNum(v, -1) || named(v, 'NO_ERROR', 'ERROR_SUCCESS', 'SOCKET_ERROR') || (counts && v.num !== undefined && v.num > 0 && !v.name),
    failureName: 'SOCKET_ERROR',
    describe: counts ? 'a count or 0 on success or SOCKET_ERROR on failure' : '0 on success or SOCKET_ERROR on failure',
  };
}
