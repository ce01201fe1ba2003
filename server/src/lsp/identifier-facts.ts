/**
 * The identifiers of one C/C++ text that the related-files index needs (functions it defines, names it
 * calls, every name it mentions), kept so that a keystroke inside a function body is accounted for by
 * looking at the edited line only. Anything that could change the text's structure (a line break,
 * a brace, a parenthesis, a comment, string or directive character, a line outside function bodies)
 * falls back to reading the whole text again. No LSP imports.
 */
import { editBetween } from '../core/parse/text-diff';
import { findFunctions, maskNonCode, type CFunction } from './c-functions';

export interface FileFacts {
  defines: Set<string>;
  calls: Set<string>;
  /** Every identifier of the code; read only when another file asks, so built on first use. */
  readonly mentions: Set<string>;
}

const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'return', 'sizeof', 'defined', 'do', 'else', 'case']);
const CALL = /\b([A-Za-z_]\w*)\s*\(/g;
/** Characters that change what is code, or the function structure, when typed or deleted. */
const STRUCTURAL = /[{}()/*"'#\\\n\r]/;

/** The facts of one version of a text, with what an update needs. */
export class IdentifierFacts implements FileFacts {
  readonly defines: Set<string>;
  readonly calls = new Set<string>();
  /** Whether these facts were updated from the last version's by reading the edited line only. */
  fromLine = false;
  private mentionSet: Set<string> | undefined;

  private constructor(
    readonly text: string,
    private readonly masked: string,
    private readonly functions: CFunction[],
    /** Call sites by name (keywords and the file's own functions included; `calls` leaves them out). */
    private readonly callCounts: Map<string, number>,
  ) {
    this.defines = new Set(functions.map((f) => f.name));
    for (const [name, n] of callCounts) if (n > 0 && !KEYWORDS.has(name) && !this.defines.has(name)) this.calls.add(name);
  }

  static of(text: string): IdentifierFacts {
    const masked = maskNonCode(text);
    const counts = new Map<string, number>();
    countCalls(masked, 0, masked.length, counts, 1);
    return new IdentifierFacts(text, masked, findFunctions(text, masked), counts);
  }

  get mentions(): Set<string> {
    if (!this.mentionSet) {
      this.mentionSet = new Set<string>();
      for (const m of this.masked.matchAll(/\b[A-Za-z_]\w*/g)) if (!KEYWORDS.has(m[0])) this.mentionSet.add(m[0]);
    }
    return this.mentionSet;
  }

  /** The facts of `text`, from these when the edit allows it (the same result as IdentifierFacts.of). */
  next(text: string): IdentifierFacts {
    return this.onLine(text) ?? IdentifierFacts.of(text);
  }

  private onLine(text: string): IdentifierFacts | null {
    const old = this.text;
    const edit = editBetween(old, text);
    if (!edit) return this;
    // The edited line in both versions.
    const lineStart = old.lastIndexOf('\n', edit.start - 1) + 1;
    const oldLineEnd = lineEnd(old, edit.oldEnd);
    const newLineEnd = lineEnd(text, edit.newEnd);
    const oldLine = old.slice(lineStart, oldLineEnd);
    const newLine = text.slice(lineStart, newLineEnd);
    if (STRUCTURAL.test(oldLine) || STRUCTURAL.test(newLine)) return null;
    // Code, not the inside of a comment, literal or directive; and not blank (a blank line moves what
    // follows the previous line's last name next to it).
    if (this.masked.slice(lineStart, oldLineEnd) !== oldLine || !oldLine.trim() || !newLine.trim()) return null;
    // Strictly inside one function's body: the function structure stays what it was.
    if (!this.functions.some((f) => f.bodyStart < lineStart && oldLineEnd < f.bodyEnd - 1)) return null;
    const masked = this.masked.slice(0, lineStart) + newLine + this.masked.slice(oldLineEnd);
    const counts = new Map(this.callCounts);
    countCalls(this.masked, lineStart, oldLineEnd, counts, -1);
    countCalls(masked, lineStart, newLineEnd, counts, 1);
    const shift = newLineEnd - oldLineEnd;
    const functions = this.functions.map((f) => (f.bodyEnd <= lineStart ? f : { ...f, bodyEnd: f.bodyEnd + shift, ...(f.bodyStart > lineStart ? { bodyStart: f.bodyStart + shift, nameStart: f.nameStart + shift } : {}) }));
    const facts = new IdentifierFacts(text, masked, functions, counts);
    facts.fromLine = true;
    return facts;
  }
}

function lineEnd(text: string, from: number): number {
  const e = text.indexOf('\n', from);
  return e < 0 ? text.length : e;
}

/** Adds `delta` per call site (`name (`) that starts in [from, to) of the masked text. */
function countCalls(masked: string, from: number, to: number, counts: Map<string, number>, delta: number): void {
  CALL.lastIndex = from;
  for (let m = CALL.exec(masked); m && m.index < to; m = CALL.exec(masked)) counts.set(m[1], (counts.get(m[1]) ?? 0) + delta);
}
