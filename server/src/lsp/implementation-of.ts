/**
 * Which SPI function a provider function implements, for hovers and the documented-code lists. Providers
 * name theirs freely (`MyWSPConnect`, `LspConnect`), so: a WSP* name inside the function's name, else the
 * WSPPROC_TABLE member it is assigned to (`lpProcTable->lpWSPConnect = LspConnect;`), else a finding's
 * analysis already said (callers pass `fallback`). No LSP imports.
 */
import { getContract, type FunctionContract } from '../core/spec';

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
  const assign = new RegExp(`\\b(lpWSP\\w+)\\s*=\\s*(?:\\([^)]*\\)\\s*)?&?\\s*${esc}\\b`).exec(text);
  if (assign) {
    const c = getContract(assign[1]);
    if (c) return c;
  }
  return fallback ? getContract(fallback) : undefined;
}
