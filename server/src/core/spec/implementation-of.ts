/**
 * Which SPI function a provider function implements, for hovers and the documented-code lists. Providers
 * name theirs freely (`MyWSPConnect`, `LbConnect`), so: a WSP* name inside the function's name; else the
 * WSPPROC_TABLE member it is assigned to (`lpProcTable->lpWSPConnect = LbConnect;`, `.lpWSPConnect =
 * LbConnect`); else its position in a WSPPROC_TABLE aggregate initializer (members in struct order).
 * No LSP imports.
 */
import { getContract, PROC_TABLE_FIELDS, type FunctionContract } from './index';

export function contractForFunction(name: string, text: string, fallback?: string): FunctionContract | undefined {
  const direct = getContract(name);
  if (direct) return direct;
  for (let at = name.indexOf('WSP'); at >= 0; at = name.indexOf('WSP', at + 1)) {
    // Longest WSP* prefix that names a contract: `WSPConnectImpl` -> WSPConnect.
    for (let end = name.length; end > at + 3; end--) {
      const c = getContract(name.slice(at, end));
      if (c) return c;
    }
  }
  const esc = name.replace(/[^\w]/g, '');
  if (esc) {
    // One pass over the text finds every assignment and table entry; a lookup per finding then costs
    // nothing (a file with thousands of findings made this quadratic: fuzzer, many-functions-3000).
    const ix = indexOf(text);
    const member = ix.assigned.get(esc);
    const c = member ? getContract(member) : undefined;
    if (c) return c;
    const positional = ix.position.get(esc);
    if (positional !== undefined) return getContract(PROC_TABLE_FIELDS[positional].function);
  }
  return fallback ? getContract(fallback) : undefined;
}

interface TextIndex {
  /** Function name -> the lpWSP* member its first assignment stores it in. */
  assigned: Map<string, string>;
  /** Function name -> its position in the first WSPPROC_TABLE initializer that lists it. */
  position: Map<string, number>;
}

const INDEXES = new Map<string, TextIndex>();
const MAX_INDEXES = 16;

function indexOf(text: string): TextIndex {
  let ix = INDEXES.get(text);
  if (ix) return ix;
  ix = { assigned: new Map(), position: new Map() };
  // The name is read in a lookahead: `a->lpWSPX = b->lpWSPY = Fn` must still reach `lpWSPY = Fn`.
  for (const m of text.matchAll(/\b(lpWSP\w+)\s*=\s*(?:\([^)]*\)\s*)?&?\s*(?=([A-Za-z_]\w*)\b)/g)) {
    if (!ix.assigned.has(m[2])) ix.assigned.set(m[2], m[1]);
  }
  procTablePositions(text, ix.position);
  if (INDEXES.size >= MAX_INDEXES) INDEXES.delete(INDEXES.keys().next().value as string);
  INDEXES.set(text, ix);
  return ix;
}

/** `WSPPROC_TABLE t = { LbAccept, ..., LbConnect, ... };`: each function's position (members in struct order). */
function procTablePositions(text: string, out: Map<string, number>): void {
  for (const m of text.matchAll(/\bWSPPROC_TABLE\s+\w+\s*=\s*\{/g)) {
    const open = (m.index ?? 0) + m[0].length;
    const close = text.indexOf('}', open);
    if (close < 0) continue;
    const entries = text
      .slice(open, close)
      .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
      .split(',')
      .map((e) => e.replace(/\([^)]*\)/g, '').replace(/&/g, '').trim());
    entries.forEach((e, i) => {
      if (e && i < PROC_TABLE_FIELDS.length && !out.has(e)) out.set(e, i);
    });
  }
}
