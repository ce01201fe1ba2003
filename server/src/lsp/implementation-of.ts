/**
 * Which SPI function a provider function implements, for hovers and the documented-code lists. Providers
 * name theirs freely (`MyWSPConnect`, `LbConnect`), so: a WSP* name inside the function's name; else the
 * WSPPROC_TABLE member it is assigned to (`lpProcTable->lpWSPConnect = LbConnect;`, `.lpWSPConnect =
 * LbConnect`); else its position in a WSPPROC_TABLE aggregate initializer (members in struct order).
 * No LSP imports.
 */
import { getContract, PROC_TABLE_FIELDS, type FunctionContract } from '../core/spec';

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
  if (esc && text.includes(esc)) {
    const assign = new RegExp(`\\b(lpWSP\\w+)\\s*=\\s*(?:\\([^)]*\\)\\s*)?&?\\s*${esc}\\b`).exec(text);
    const c = assign ? getContract(assign[1]) : undefined;
    if (c) return c;
    const positional = positionInProcTable(esc, text);
    if (positional) return positional;
  }
  return fallback ? getContract(fallback) : undefined;
}

/** `WSPPROC_TABLE t = { LbAccept, ..., LbConnect, ... };`: the member at the function's position. */
function positionInProcTable(name: string, text: string): FunctionContract | undefined {
  for (const m of text.matchAll(/\bWSPPROC_TABLE\s+\w+\s*=\s*\{/g)) {
    const open = (m.index ?? 0) + m[0].length;
    const close = text.indexOf('}', open);
    if (close < 0) continue;
    const entries = text
      .slice(open, close)
      .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
      .split(',')
      .map((e) => e.replace(/\([^)]*\)/g, '').replace(/&/g, '').trim());
    const i = entries.indexOf(name);
    if (i >= 0 && i < PROC_TABLE_FIELDS.length) return getContract(PROC_TABLE_FIELDS[i].function);
  }
  return undefined;
}
