/**
 * Which other files an analysis of one document needs, so a keystroke does not re-analyse the whole
 * workspace: files defining the functions it calls (and, transitively, what those call), and files that
 * mention the functions it defines (a WSPPROC_TABLE in the startup file is what makes `LbConnect` the
 * WSPConnect implementation). Found by identifiers, not by a parse. No LSP imports.
 */
import { IdentifierFacts, type FileFacts } from './identifier-facts';

export type { FileFacts } from './identifier-facts';

export function factsOf(text: string): FileFacts {
  return IdentifierFacts.of(text);
}

export class RelatedFiles {
  private readonly facts = new Map<string, { text: string; facts: IdentifierFacts }>();
  private readonly definers = new Map<string, Set<string>>();

  /** Indexes a file; unchanged text is not looked at again. */
  set(path: string, text: string): FileFacts {
    const known = this.facts.get(path);
    if (known && known.text === text) return known.facts;
    // From the last version when the edit allows (a keystroke in a function body reads one line).
    const facts = known ? known.facts.next(text) : IdentifierFacts.of(text);
    this.delete(path);
    this.facts.set(path, { text, facts });
    for (const d of facts.defines) {
      let s = this.definers.get(d);
      if (!s) this.definers.set(d, (s = new Set()));
      s.add(path);
    }
    return facts;
  }

  delete(path: string): void {
    const known = this.facts.get(path);
    if (!known) return;
    for (const d of known.facts.defines) this.definers.get(d)?.delete(path);
    this.facts.delete(path);
  }

  /** Forgets every file not in `keep` (closed untitled documents, deleted files). */
  retain(keep: ReadonlySet<string>): void {
    for (const p of [...this.facts.keys()]) if (!keep.has(p)) this.delete(p);
  }

  /** Paths (other than `path`) the analysis of `path` needs, at most `limit`. */
  relatedTo(path: string, limit = 500): string[] {
    const own = this.facts.get(path)?.facts;
    if (!own) return [];
    const out = new Set<string>();
    const queue = [...own.calls];
    const seen = new Set(queue);
    while (queue.length > 0 && out.size < limit) {
      const name = queue.shift() as string;
      for (const p of this.definers.get(name) ?? []) {
        if (p === path || out.has(p)) continue;
        out.add(p);
        for (const c of this.facts.get(p)?.facts.calls ?? []) {
          if (!seen.has(c)) {
            seen.add(c);
            queue.push(c);
          }
        }
      }
    }
    for (const [p, { facts }] of this.facts) {
      if (out.size >= limit) break;
      if (p === path || out.has(p)) continue;
      for (const d of own.defines) {
        if (facts.mentions.has(d)) {
          out.add(p);
          break;
        }
      }
    }
    return [...out];
  }
}
