/**
 * The contract tables, loaded once: the analyzer, the hovers and the runtime all read these.
 *
 * The JSON under ./generated/ is produced from the SDK reference pages and mingw-w64's ws2spi.h by
 * `npm run gen:contracts` (scripts/gen-contracts.mjs, dev-time only) and checked in; nothing here reads
 * the spec at build, run or test time. Regenerate after changing the generator, and review the diff.
 */
import contractsJson from './generated/contracts.json';
import errorCodesJson from './generated/error-codes.json';
import procTableJson from './generated/proc-table.json';
import type { ErrorCodeInfo, FunctionContract, ProcTableField } from './types';

export const CONTRACTS: readonly FunctionContract[] = contractsJson as readonly FunctionContract[];
export const ERROR_CODES: readonly ErrorCodeInfo[] = errorCodesJson as readonly ErrorCodeInfo[];
/** WSPPROC_TABLE members in struct order (the order WSPStartup fills them in). */
export const PROC_TABLE_FIELDS: readonly ProcTableField[] = procTableJson as readonly ProcTableField[];

const byAnyName = new Map<string, FunctionContract>();
const byProcEntry = new Map<string, FunctionContract>();
for (const c of CONTRACTS) {
  // The pages themselves write `LPWSPConnect`; code writes `WSPConnect`, `LPWSPCONNECT` or `lpWSPConnect`.
  for (const key of [c.name, c.typedef, `LP${c.name}`]) byAnyName.set(key, c);
  if (c.procEntry !== null) {
    byAnyName.set(c.procEntry, c);
    byProcEntry.set(c.procEntry, c);
  }
}

const codeByName = new Map<string, ErrorCodeInfo>(ERROR_CODES.map((e) => [e.name, e]));
const codeByValue = new Map<number, ErrorCodeInfo>(ERROR_CODES.map((e) => [e.value, e]));

/** Contract by function name (`WSPConnect`), typedef (`LPWSPCONNECT`, `LPWSPConnect`) or table member (`lpWSPConnect`). */
export function getContract(name: string): FunctionContract | undefined {
  return byAnyName.get(name.trim());
}

/** Contract of the function a WSPPROC_TABLE member (`lpWSPConnect`) points to. */
export function contractByProcEntry(entry: string): FunctionContract | undefined {
  return byProcEntry.get(entry.trim());
}

/** Error code by macro name (`WSAECONNREFUSED`) or value (10061, or "10061"). */
export function errorCode(nameOrValue: string | number): ErrorCodeInfo | undefined {
  if (typeof nameOrValue === 'number') return codeByValue.get(nameOrValue);
  const s = nameOrValue.trim();
  return /^\d+$/.test(s) ? codeByValue.get(Number(s)) : codeByName.get(s);
}

/** True for a WSA* / WSA_* macro listed on the Windows Sockets error-codes page. */
export function isWsaErrorName(name: string): boolean {
  return name.startsWith('WSA') && codeByName.has(name);
}

/**
 * True when the function's page lists `code` among its errors (or as its pending code, WSA_IO_PENDING),
 * so a provider setting it is within the documented contract. `code` may be a name or a value.
 */
export function isDocumentedFor(fn: string | FunctionContract, code: string | number): boolean {
  const contract = typeof fn === 'string' ? getContract(fn) : fn;
  const name = typeof code === 'number' || /^\s*\d+\s*$/.test(code) ? errorCode(code)?.name : code.trim();
  if (!contract || name === undefined) return false;
  return contract.errors.some((e) => e.code === name) || (contract.returns.pending ?? []).includes(name);
}
