/**
 * What one fuzz input must satisfy: decoding and analysis do not throw, every finding's range lies in the
 * text with its line/column matching its offset (UTF-16 code units), and every fix the core offers is a
 * set of in-bounds, non-overlapping edits. Used by the fuzz child and by the regression test.
 */
import type { Analyzer, Finding, SourceFile } from '../../server/src/core';
import { disableLineFix, fixContext, fixesFor } from '../../server/src/core/fix';
import { decodeSource } from '../../server/src/core/io/read-source';
import { contractForFunction } from '../../server/src/core/spec/implementation-of';

export interface FuzzInput {
  /** The file name the analyzer sees (its extension picks C or C++). */
  path: string;
  bytes: Uint8Array;
  /** Unmutated files analysed beside it (helpers in other files). */
  extra?: SourceFile[];
}

export interface CheckSummary {
  findings: number;
  parseErrors: number;
  /** How the bytes were decoded, or `forced-latin1` when decodeSource skipped them as binary. */
  decoded: string;
}

/** A broken guarantee that is not an exception (a range outside the text, an overlapping fix). */
export class InvariantError extends Error {}

export function textOf(bytes: Uint8Array): { text: string; decoded: string } {
  const d = decodeSource(bytes);
  if (d.kind === 'text') return { text: d.text, decoded: d.encoding };
  // The language server gets text, not bytes, and analyses NUL characters past its sniff window, so the
  // core must survive whatever a binary file decodes to.
  return { text: Buffer.from(bytes).toString('latin1'), decoded: 'forced-latin1' };
}

export function checkInput(analyzer: Analyzer, input: FuzzInput): CheckSummary {
  const { text, decoded } = textOf(input.bytes);
  const files: SourceFile[] = [{ path: input.path, text }, ...(input.extra ?? [])];
  const result = analyzer.analyze(files);
  const lines = lineStarts(text);
  let count = 0;
  for (const f of result.findings) {
    if (f.file !== input.path) continue;
    count++;
    checkRange(f, text, lines);
    checkFixes(f, text);
  }
  const report = result.files.find((r) => r.path === input.path);
  return { findings: count, parseErrors: report?.parseErrors ?? 0, decoded };
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function checkRange(f: Finding, text: string, lines: number[]): void {
  const r = f.range;
  const where = `${f.rule} at offset ${r.startOffset}-${r.endOffset}`;
  if (!(r.startOffset >= 0 && r.startOffset <= r.endOffset && r.endOffset <= text.length)) {
    throw new InvariantError(`${where}: range outside the text (length ${text.length})`);
  }
  for (const [pos, off] of [
    [r.start, r.startOffset],
    [r.end, r.endOffset],
  ] as const) {
    const at = (lines[pos.line] ?? Number.NaN) + pos.column;
    if (at !== off) throw new InvariantError(`${where}: line ${pos.line} column ${pos.column} is offset ${at}, not ${off}`);
  }
}

function checkFixes(f: Finding, text: string): void {
  const ctx = fixContext(text, f, (name, t) => contractForFunction(name, t));
  const choices = [...fixesFor(f, ctx), disableLineFix(f, ctx)];
  for (const c of choices) {
    const edits = [...c.edits].sort((a, b) => a.start - b.start);
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i];
      if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) {
        throw new InvariantError(`fix "${c.title}" for ${f.rule}: edit ${e.start}-${e.end} outside the text (length ${text.length})`);
      }
      if (i > 0 && edits[i - 1].end > e.start) throw new InvariantError(`fix "${c.title}" for ${f.rule}: overlapping edits`);
    }
  }
}
