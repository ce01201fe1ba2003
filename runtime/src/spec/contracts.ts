/**
 * The runtime's view of the contract tables. The tables themselves live in the analyzer core
 * (server/src/core/spec, generated from the reference pages); the runtime keeps no copy of them, so
 * the analyzer, the hovers and the simulated stack agree on what each function may return.
 */
import { errorCode, getContract, isDocumentedFor } from '../../../server/src/core/spec/contracts';

/** Numeric value of a WSA error name; throws for a name the error-code table does not know. */
export function wsaValue(name: string): number {
  const info = errorCode(name);
  if (!info) throw new Error(`unknown Winsock error name ${name}`);
  return info.value;
}

/** WSA name of a numeric code, or undefined. */
export function wsaName(value: number): string | undefined {
  return errorCode(value)?.name;
}

/** Value of a WSA* identifier a snippet names (WSAEWOULDBLOCK, WSA_IO_PENDING), or undefined. */
export function wsaIdentifier(name: string): number | undefined {
  return name.startsWith('WSA') ? errorCode(name)?.value : undefined;
}

/** True when the function's reference page lists `code` for it. */
export function documented(fn: string, code: string): boolean {
  return isDocumentedFor(fn, code);
}

/** The reference page's sentence for `code` under `fn`, for details and hovers. */
export function meaningOf(fn: string, code: string): string | undefined {
  return getContract(fn)?.errors.find((e) => e.code === code)?.meaning;
}

/** Codes the page of `fn` lists for a network event (`FD_CONNECT`), or undefined when it lists none. */
export function eventCodes(fn: string, event: string): string[] | undefined {
  const table = getContract(fn)?.eventErrors?.find((t) => t.events.includes(event));
  return table?.errors.map((e) => e.code);
}
