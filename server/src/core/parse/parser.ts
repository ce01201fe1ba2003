import type { Tree } from 'web-tree-sitter';
import type { Language as Lang } from '../types';
import type { BackendName, ParserBackend } from './backend';
import { loadNativeBackend } from './native-backend';
import { loadWasmBackend } from './wasm-backend';

export { compileWasmModules, grammarDir, useCompiledWasm, type WasmModules } from './wasm-backend';
export type { BackendName } from './backend';

/**
 * tree-sitter, loaded once per process and backend. WSPLINT_PARSER chooses: `wasm` (the default),
 * `native` (the native binding; fails loudly when it does not load) or `auto` (native where it loads,
 * WASM otherwise). WASM is the default because it measured as fast or faster end to end (bench/RESULTS.md):
 * the native binding parses about 1.3-1.7x faster, but every node access crosses N-API, and the analysis
 * reads nodes far more than it parses (10-15% slower CLI runs, 30% slower single-document analysis).
 */
export interface Parsers {
  /** Which binding parses. */
  readonly backend: BackendName;
  parse(text: string, language: Lang, old?: Tree): Tree;
}

/** The backend when WSPLINT_PARSER is unset. */
export const DEFAULT_BACKEND: BackendName | 'auto' = 'wasm';

const loading = new Map<BackendName | 'auto', Promise<Parsers>>();
/** Why the native binding did not load, when auto-selection fell back to WASM. */
let fallbackReason: string | undefined;

export function loadParsers(choice: BackendName | 'auto' = requestedBackend()): Promise<Parsers> {
  let p = loading.get(choice);
  if (!p) {
    p = pick(choice).then((b): Parsers => ({ backend: b.name, parse: (text, language, old) => b.parse(text, language, old) }));
    loading.set(choice, p);
  }
  return p;
}

async function pick(choice: BackendName | 'auto'): Promise<ParserBackend> {
  if (choice === 'wasm') return loadWasmBackend();
  try {
    return loadNativeBackend();
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    if (choice === 'native') throw new Error(`wsplint: the native tree-sitter binding did not load: ${reason}`);
    fallbackReason = reason;
    return loadWasmBackend();
  }
}

/** The backend this process will ask for (WSPLINT_PARSER, else the default). */
export function requestedBackend(): BackendName | 'auto' {
  const v = process.env.WSPLINT_PARSER?.trim().toLowerCase();
  if (!v) return DEFAULT_BACKEND;
  if (v === 'auto') return 'auto';
  if (v === 'native' || v === 'wasm') return v;
  throw new Error(`wsplint: WSPLINT_PARSER must be native, wasm or auto, not '${process.env.WSPLINT_PARSER}'`);
}

/** Set when auto-selection wanted the native binding and fell back to WASM: the load error. */
export function nativeFallbackReason(): string | undefined {
  return fallbackReason;
}

export function languageOf(path: string): Lang {
  return /\.(c|h)$/i.test(path) ? 'c' : 'cpp';
}
