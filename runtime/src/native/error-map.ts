/**
 * The one table from the host's socket errors (the `code` Node puts on a socket error: POSIX errno
 * names from libuv on every platform, libuv also translates Windows' own codes to these names) to the
 * Winsock error a provider would store in `*lpErrno` for the same condition.
 *
 * Most rows are the obvious twin (the WSAE* codes were numbered after the BSD errno values); the rows
 * that are not are commented with why.
 */
import { wsaValue } from '../spec/contracts';

export interface MappedError {
  /** WSA error name. */
  error: string;
  code: number;
  /** What the host said, for the call's detail: `ECONNREFUSED (connect 127.0.0.1:9)`. */
  detail: string;
}

export const OS_TO_WSA: ReadonlyMap<string, string> = new Map([
  ['ECONNREFUSED', 'WSAECONNREFUSED'],
  ['ENETUNREACH', 'WSAENETUNREACH'],
  ['EHOSTUNREACH', 'WSAEHOSTUNREACH'],
  ['ETIMEDOUT', 'WSAETIMEDOUT'],
  ['EADDRNOTAVAIL', 'WSAEADDRNOTAVAIL'],
  ['EADDRINUSE', 'WSAEADDRINUSE'],
  ['EACCES', 'WSAEACCES'],
  // Linux answers EPERM where a firewall rule or a broadcast without SO_BROADCAST forbids the send.
  ['EPERM', 'WSAEACCES'],
  ['EISCONN', 'WSAEISCONN'],
  ['EALREADY', 'WSAEALREADY'],
  // Winsock reports a nonblocking connect that has started as WSAEWOULDBLOCK, not WSAEINPROGRESS
  // ("WSAEWOULDBLOCK: The socket is marked as nonblocking and the connection cannot be completed immediately").
  ['EINPROGRESS', 'WSAEWOULDBLOCK'],
  ['EWOULDBLOCK', 'WSAEWOULDBLOCK'],
  ['EAGAIN', 'WSAEWOULDBLOCK'],
  ['EAFNOSUPPORT', 'WSAEAFNOSUPPORT'],
  ['EPFNOSUPPORT', 'WSAEPFNOSUPPORT'],
  ['EPROTONOSUPPORT', 'WSAEPROTONOSUPPORT'],
  ['ESOCKTNOSUPPORT', 'WSAESOCKTNOSUPPORT'],
  ['EPROTOTYPE', 'WSAEPROTOTYPE'],
  ['ENOPROTOOPT', 'WSAENOPROTOOPT'],
  ['EOPNOTSUPP', 'WSAEOPNOTSUPP'],
  ['ENOTSUP', 'WSAEOPNOTSUPP'],
  ['EINVAL', 'WSAEINVAL'],
  ['EFAULT', 'WSAEFAULT'],
  ['ENOTSOCK', 'WSAENOTSOCK'],
  // A descriptor that is no longer open is, to Winsock, a handle that is not a socket.
  ['EBADF', 'WSAENOTSOCK'],
  ['ENOTCONN', 'WSAENOTCONN'],
  ['EDESTADDRREQ', 'WSAEDESTADDRREQ'],
  ['ECONNRESET', 'WSAECONNRESET'],
  ['ECONNABORTED', 'WSAECONNABORTED'],
  // The host stack catches the snippet's own shutdown(SD_SEND) before writing, so an EPIPE from the
  // OS means the peer is gone: Winsock reports that as a reset connection.
  ['EPIPE', 'WSAECONNRESET'],
  ['ESHUTDOWN', 'WSAESHUTDOWN'],
  ['EMSGSIZE', 'WSAEMSGSIZE'],
  ['ENOBUFS', 'WSAENOBUFS'],
  ['ENOMEM', 'WSAENOBUFS'],
  ['EMFILE', 'WSAEMFILE'],
  ['ENFILE', 'WSAEMFILE'],
  ['ENETDOWN', 'WSAENETDOWN'],
  ['ENETRESET', 'WSAENETRESET'],
  ['EHOSTDOWN', 'WSAEHOSTDOWN'],
  ['EINTR', 'WSAEINTR'],
  ['ENAMETOOLONG', 'WSAENAMETOOLONG'],
  // Node's own dgram errors, raised before the OS is asked.
  ['ERR_SOCKET_DGRAM_IS_CONNECTED', 'WSAEISCONN'],
  ['ERR_SOCKET_DGRAM_NOT_CONNECTED', 'WSAENOTCONN'],
  ['ERR_SOCKET_CLOSED', 'WSAENOTSOCK'],
  ['ERR_SOCKET_DGRAM_NOT_RUNNING', 'WSAENOTSOCK'],
]);

/** The Winsock error for a host error, or null when the table has no row for it. */
export function wsaForOsError(code: string): string | null {
  return OS_TO_WSA.get(code) ?? null;
}

/** The `code` of an error Node raised (`ECONNREFUSED`), or null. */
export function osErrorCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null || !('code' in e)) return null;
  const code = (e as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * Maps a host error to its Winsock twin, or null for an error the table has no row for: inventing a
 * code would hide the host's answer, so the caller stops the run with the host's own message instead.
 */
export function mapOsError(e: unknown, what: string): MappedError | null {
  const os = osErrorCode(e);
  if (os === null) return null;
  const error = wsaForOsError(os);
  if (error === null) return null;
  return { error, code: wsaValue(error), detail: `the host answered ${os} (${what})` };
}
