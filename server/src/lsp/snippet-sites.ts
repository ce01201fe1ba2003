/**
 * Where the snippets of a document are: each function preceded by a `// wsplint:snippet` comment (the
 * runtime's own directive parser reads the comment, so a lens never offers a run the runtime would not
 * recognise). Found with the lexer of c-functions.ts, not the parser, so lenses stay put while the user
 * types. No LSP imports.
 */
import { scanComments } from '../core/suppress';
import { parseDirective } from '../../../runtime/src/net/directives';
import { findFunctions, maskNonCode } from './c-functions';

export interface SnippetSite {
  /** The directive's name, else the function's: what `wsplint run --snippet` takes. */
  name: string;
  functionName: string;
  /** Offset of the marker comment: the snippet's text runs from here to `end`. */
  start: number;
  /** Offset just past the function body's `}`. */
  end: number;
  /** Offset where the function's definition starts (its return type): lenses go on this line. */
  headerStart: number;
  /** The marker's own mistake (an unknown option), which the runtime will refuse the run for. */
  problem: string | null;
}

export function findSnippetSites(text: string): SnippetSite[] {
  const masked = maskNonCode(text);
  const functions = findFunctions(text, masked);
  const sites: SnippetSite[] = [];
  for (const c of scanComments(text)) {
    if (!/^\s*wsplint:snippet\b/.test(c.body.replace(/^[/*]+/, ''))) continue;
    // A marker inside a function body marks nothing (the runtime reads top-level comments only).
    if (functions.some((f) => c.start > f.bodyStart && c.start < f.bodyEnd)) continue;
    const fn = functions.find((f) => f.nameStart > c.end);
    if (!fn) continue;
    const between = masked.slice(c.end, fn.nameStart);
    // Anything but comments and the declaration's own words in between: the marker is not followed by a function.
    if (/[;{}]/.test(between)) continue;
    const lead = between.search(/\S/);
    const headerStart = lead < 0 ? fn.nameStart : c.end + lead;
    const directive = parseDirective(text.slice(c.start, c.end), 0);
    const name = directive?.kind === 'snippet' && directive.name !== null ? directive.name : fn.name;
    const problem = directive?.kind === 'error' ? directive.message : null;
    sites.push({ name, functionName: fn.name, start: c.start, end: fn.bodyEnd, headerStart, problem });
  }
  // A second marker before the same function: the runtime takes the last one, and so do the lenses.
  return sites.filter((s, i) => sites[i + 1]?.end !== s.end);
}

/** The snippet a run asks for: by name, the one nearest `line` when names repeat. */
export function pickSite(sites: readonly SnippetSite[], name: string, lineOf: (offset: number) => number, line?: number): SnippetSite | undefined {
  const named = sites.filter((s) => s.name === name);
  if (named.length <= 1 || line === undefined) return named[0];
  return [...named].sort((a, b) => Math.abs(lineOf(a.headerStart) - line) - Math.abs(lineOf(b.headerStart) - line))[0];
}
