import type { Tree } from 'web-tree-sitter';
import type { Language } from '../types';

/** Which tree-sitter runs: the native Node binding (faster parse) or web-tree-sitter (runs everywhere). */
export type BackendName = 'native' | 'wasm';

/**
 * One parser interface over both bindings. The rest of the core is written against web-tree-sitter's
 * `Tree`/`Node` types; the native backend hands out its own node objects, which have the same members
 * for everything the core reads (test/perf/backend-equivalence.test.ts compares trees and findings).
 * Offsets are UTF-16 code units in both.
 */
export interface ParserBackend {
  readonly name: BackendName;
  parse(text: string, language: Language, old?: Tree): Tree;
}
