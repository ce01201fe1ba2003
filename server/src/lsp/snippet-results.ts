/**
 * The last run of each snippet, per document, kept as long as it still describes the text. A run read
 * the whole file (a snippet may call helpers defined beside it, and file-level `// wsplint:net` lines
 * shape its network), so its results go stale when the snippet's own text or the code outside the
 * snippets changes; editing another snippet, adding one, or adding blank lines only moves them. Stale
 * results are dropped, never shown at a line that no longer holds the call. No LSP imports.
 */
import type { SnippetResult } from '../../../runtime/src/types';
import type { RunMode } from './protocol';
import type { LineLabel } from './run-result-text';
import { findSnippetSites } from './snippet-sites';

/** A document cut at its snippets. Lines are 0-based. */
interface Layout {
  /** Each snippet's lines (marker to closing brace), keyed `NAME#n` for the n-th snippet of that name. */
  snippets: Map<string, { startLine: number; lines: string[] }>;
  /** The lines outside every snippet that hold something (blank lines do not change what a run does). */
  context: { line: number; text: string }[];
}

export interface StoredRun {
  snippet: string;
  mode: RunMode;
  results: SnippetResult[];
  /** Lines as the run saw them (1-based). */
  labels: LineLabel[];
  layout: Layout;
  /** Current 0-based line -> the run's 1-based line, for the labels still shown. */
  current: Map<number, number>;
}

export interface ShownLabel extends LineLabel {
  /** 0-based line in the document as it is now. */
  at: number;
  run: StoredRun;
}

function layoutOf(text: string): Layout {
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, ''));
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
  const inSnippet = new Array<boolean>(lines.length).fill(false);
  const snippets: Layout['snippets'] = new Map();
  const seen = new Map<string, number>();
  for (const s of findSnippetSites(text)) {
    const from = lineOf(s.start);
    const to = lineOf(Math.max(s.start, s.end - 1));
    const n = seen.get(s.name) ?? 0;
    seen.set(s.name, n + 1);
    snippets.set(`${s.name}#${n}`, { startLine: from, lines: lines.slice(from, to + 1) });
    for (let l = from; l <= to; l++) inSnippet[l] = true;
  }
  const context = lines.flatMap((t, line) => (inSnippet[line] || t.trim() === '' ? [] : [{ line, text: t }]));
  return { snippets, context };
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export class SnippetResults {
  private readonly byUri = new Map<string, Map<string, StoredRun>>();

  /** Keeps a run of `snippet` over `text` (the text it ran), replacing the snippet's previous run. */
  set(uri: string, text: string, snippet: string, mode: RunMode, results: SnippetResult[], labels: LineLabel[]): StoredRun {
    const run: StoredRun = { snippet, mode, results, labels, layout: layoutOf(text), current: new Map() };
    for (const l of labels) run.current.set(l.line - 1, l.line);
    const runs = this.byUri.get(uri) ?? new Map<string, StoredRun>();
    runs.set(snippet, run);
    this.byUri.set(uri, runs);
    return run;
  }

  /**
   * The document changed: drops runs that went stale and moves the others' lines.
   * Returns the snippets whose results were dropped.
   */
  update(uri: string, text: string): string[] {
    const runs = this.byUri.get(uri);
    if (!runs) return [];
    const now = layoutOf(text);
    const dropped: string[] = [];
    for (const [name, run] of runs) {
      const current = remap(run, now);
      if (current) run.current = current;
      else {
        runs.delete(name);
        dropped.push(name);
      }
    }
    if (runs.size === 0) this.byUri.delete(uri);
    return dropped;
  }

  clear(uri: string, snippet?: string): void {
    if (snippet === undefined) this.byUri.delete(uri);
    else this.byUri.get(uri)?.delete(snippet);
  }

  /** Every label shown now in `uri`, at its current line. */
  labels(uri: string): ShownLabel[] {
    const out: ShownLabel[] = [];
    for (const run of this.byUri.get(uri)?.values() ?? []) {
      for (const [at, runLine] of run.current) {
        for (const l of run.labels) if (l.line === runLine) out.push({ ...l, at, run });
      }
    }
    return out.sort((a, b) => a.at - b.at);
  }

  /** The runs with a result on current 0-based `line`, with the run's own line number for it. */
  at(uri: string, line: number): { run: StoredRun; runLine: number }[] {
    const out: { run: StoredRun; runLine: number }[] = [];
    for (const run of this.byUri.get(uri)?.values() ?? []) {
      const runLine = run.current.get(line);
      if (runLine !== undefined) out.push({ run, runLine });
    }
    return out;
  }
}

/** Current line of each labelled run line, or null when the run no longer matches `now`. */
function remap(run: StoredRun, now: Layout): Map<number, number> | null {
  const old = run.layout;
  const ownKey = [...old.snippets.keys()].find((k) => k.startsWith(`${run.snippet}#`));
  const own = ownKey ? old.snippets.get(ownKey) : undefined;
  const ownNow = ownKey ? now.snippets.get(ownKey) : undefined;
  if (!own || !ownNow || !sameLines(own.lines, ownNow.lines)) return null;
  if (!sameLines(old.context.map((c) => c.text), now.context.map((c) => c.text))) return null;
  const current = new Map<number, number>();
  for (const l of run.labels) {
    const line0 = l.line - 1;
    const ctx = old.context.findIndex((c) => c.line === line0);
    if (ctx >= 0) {
      current.set(now.context[ctx].line, l.line);
      continue;
    }
    for (const [k, seg] of old.snippets) {
      const rel = line0 - seg.startLine;
      if (rel < 0 || rel >= seg.lines.length) continue;
      const moved = now.snippets.get(k);
      // A line inside another snippet that was edited since: its place is unknown, so it is not shown.
      if (moved && sameLines(moved.lines, seg.lines)) current.set(moved.startLine + rel, l.line);
    }
  }
  return current;
}
