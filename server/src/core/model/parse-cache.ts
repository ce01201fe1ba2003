import type { Parsers } from '../parse/parser';
import { languageOfSource } from '../parse/language';
import type { SourceFile } from '../types';
import { parseSource, type ParsedFile } from './parsed-file';

/**
 * Parsed files kept between analyses (the language server analyses the same files again and again):
 * unchanged text is not parsed again, changed text is reparsed incrementally from the old tree.
 * Bounded by the total size of the cached sources; the least recently used files go first.
 */
export class ParseCache {
  private readonly entries = new Map<string, ParsedFile>();
  private size = 0;

  constructor(
    private readonly parsers: Parsers,
    private readonly extraMacros: readonly string[],
    // Trees and analysis data cost about 25 bytes per source character, and wasm memory never shrinks.
    private readonly maxChars = 8 * 1024 * 1024,
  ) {}

  get(f: SourceFile): ParsedFile {
    const language = f.language ?? languageOfSource(f.path, f.text);
    const old = this.entries.get(f.path);
    if (old && old.text === f.text && old.language === language) {
      this.entries.delete(f.path);
      this.entries.set(f.path, old);
      return old;
    }
    const parsed = parseSource(this.parsers, { ...f, language }, this.extraMacros, old);
    if (old) this.drop(f.path, old);
    this.entries.set(f.path, parsed);
    this.size += parsed.text.length;
    return parsed;
  }

  /** The file as last parsed, if it still is in the cache. */
  peek(path: string): ParsedFile | undefined {
    return this.entries.get(path);
  }

  /** Frees the least recently used files beyond the budget, never those of the run in progress. */
  trim(keep: ReadonlySet<string>): void {
    for (const [path, p] of this.entries) {
      if (this.size <= this.maxChars) break;
      if (!keep.has(path)) this.drop(path, p);
    }
  }

  /** Forgets every file (for one-shot runs that should not hold trees afterwards). */
  clear(): void {
    for (const [path, p] of this.entries) this.drop(path, p);
  }

  private drop(path: string, p: ParsedFile): void {
    this.entries.delete(path);
    this.size -= p.text.length;
    p.tree.delete();
  }
}
