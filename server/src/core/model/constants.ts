import { errorCode } from '../spec/contracts';

/** Values of the macro names that matter for return values and error codes. */
const FIXED: Record<string, number> = {
  SOCKET_ERROR: -1,
  INVALID_SOCKET: -1,
  NO_ERROR: 0,
  ERROR_SUCCESS: 0,
  STATUS_SUCCESS: 0,
  S_OK: 0,
  NULL: 0,
  nullptr: 0,
  FALSE: 0,
  false: 0,
  TRUE: 1,
  true: 1,
};

/** POSIX errno names: a provider must translate them (the WSA twin is WSA + name). */
export const POSIX_ERRNO = new Set([
  'EPERM', 'ENOENT', 'EINTR', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EFAULT', 'EBUSY', 'EEXIST', 'EINVAL',
  'ENFILE', 'EMFILE', 'ENOSPC', 'EPIPE', 'ERANGE', 'EWOULDBLOCK', 'EINPROGRESS', 'EALREADY', 'ENOTSOCK',
  'EDESTADDRREQ', 'EMSGSIZE', 'EPROTOTYPE', 'ENOPROTOOPT', 'EPROTONOSUPPORT', 'ESOCKTNOSUPPORT', 'EOPNOTSUPP',
  'ENOTSUP', 'EPFNOSUPPORT', 'EAFNOSUPPORT', 'EADDRINUSE', 'EADDRNOTAVAIL', 'ENETDOWN', 'ENETUNREACH', 'ENETRESET',
  'ECONNABORTED', 'ECONNRESET', 'ENOBUFS', 'EISCONN', 'ENOTCONN', 'ESHUTDOWN', 'ETOOMANYREFS', 'ETIMEDOUT',
  'ECONNREFUSED', 'ELOOP', 'ENAMETOOLONG', 'EHOSTDOWN', 'EHOSTUNREACH', 'ENOTEMPTY', 'EDQUOT', 'ESTALE', 'EREMOTE',
  'ENOSYS', 'ECANCELED', 'EPROTO',
]);

export interface ConstValue {
  /** The macro name as written, when there is one. */
  name?: string;
  num?: number;
}

/** The value of a known macro name, or undefined. */
export function knownConstant(name: string): ConstValue | undefined {
  if (name in FIXED) return { name, num: FIXED[name] };
  if (/^WSA/.test(name)) {
    const info = errorCode(name);
    if (info) return { name, num: info.value };
  }
  if (POSIX_ERRNO.has(name) || /^(ERROR|STATUS)_[A-Z0-9_]+$/.test(name)) return { name };
  return undefined;
}

export function parseNumber(text: string): number | undefined {
  const t = text.replace(/[uUlL]+$/, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
  if (/^-?\d+$/.test(t)) return parseInt(t, 10);
  return undefined;
}
