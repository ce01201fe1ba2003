import { Edit, type Node, type Tree } from 'web-tree-sitter';
import { blankMacros, reblank, type BlankedMacro, type BlankResult } from '../parse/blank';
import { LineIndex } from '../parse/lines';
import { editBetween, type EditSpan } from '../parse/text-diff';
import { languageOfSource } from '../parse/language';
import type { Parsers } from '../parse/parser';
import type { ReturnKind } from '../flow/context';
import type { Language, SourceFile } from '../types';
import type { CallSite, HeaderFacts } from './functions';
import type { AssignmentScan } from './assignment-scan';
import { SpanMemo } from './span-memo';

/** Facts of a file's spans, shared by the versions of one file (see SpanMemo). */
export interface FileReuse {
  headers: SpanMemo<HeaderFacts | null>;
  calls: SpanMemo<CallSite[]>;
  /** Prototypes a declaration declares (file-facts.ts); at file scope, also its variables. */
  declarations: SpanMemo<DeclarationFacts>;
  rootDeclarations: SpanMemo<DeclarationFacts>;
  /** Names of a function's locals and parameters. */
  locals: SpanMemo<Set<string>>;
  /** The last version's `name =` matches (assignment-scan.ts). */
  assignments: AssignmentScan | null;
}

/** What one declaration outside function bodies contributes. */
export interface DeclarationFacts {
  prototypes: Array<[string, ReturnKind]>;
  globals: Array<{ name: string; value: string | null }>;
}

function newReuse(): FileReuse {
  return { headers: new SpanMemo(), calls: new SpanMemo(), declarations: new SpanMemo(), rootDeclarations: new SpanMemo(), locals: new SpanMemo(), assignments: null };
}

/** A file of the run: its original text, the blanked text that was parsed, its tree and its macros. */
export interface ParsedFile {
  path: string;
  text: string;
  language: Language;
  tree: Tree;
  /** The text tree-sitter parsed: `text` with the known macros blanked (same length, same lines). */
  blankedText: string;
  lines: LineIndex;
  blanked: BlankedMacro[];
  /** Object-like `#define NAME value` of this file. */
  defines: Map<string, string>;
  /** Function-like `#define NAME(a, b) body` of this file. */
  macroFns: Map<string, { params: string[]; body: string }>;
  parseErrors: number;
  reuse: FileReuse;
  /** The blanking's own result, from which the next version of the file is blanked again incrementally. */
  blank: BlankResult;
}

/**
 * Parses one file. With `previous` (the same file before an edit), tree-sitter reparses incrementally:
 * the changed range is found by comparing the two blanked texts, and only that part is parsed again.
 */
export function parseSource(parsers: Parsers, f: SourceFile, extraMacros: readonly string[], previous?: ParsedFile): ParsedFile {
  const language = f.language ?? languageOfSource(f.path, f.text);
  const same = previous && previous.language === language ? previous : undefined;
  // What differs from the last version, in the written text and in the blanked one (what was parsed).
  const writtenEdit = same ? editBetween(same.text, f.text) : null;
  const blank = same ? reblank(f.text, extraMacros, same.text, same.blank, writtenEdit) : blankMacros(f.text, extraMacros);
  const lines = new LineIndex(f.text);
  const parsedEdit = same ? editBetween(same.blankedText, blank.text) : null;
  const tree = same && parsedEdit ? reparse(parsers, same, parsedEdit, blank.text, language, lines) : same ? same.tree.copy() : parsers.parse(blank.text, language);
  const reuse = same ? same.reuse : newReuse();
  const edit = parsedEdit && writtenEdit ? union(parsedEdit, writtenEdit) : (parsedEdit ?? writtenEdit);
  for (const memo of [reuse.headers, reuse.calls, reuse.declarations, reuse.rootDeclarations, reuse.locals] as Array<SpanMemo<unknown>>) memo.turn(same ? (edit ?? NO_EDIT) : null);
  const defines = new Map<string, string>();
  const macroFns = new Map<string, { params: string[]; body: string }>();
  if (/^[ \t]*#[ \t]*define\b/m.test(f.text)) collectDefines(tree.rootNode, defines, macroFns);
  return {
    path: f.path,
    text: f.text,
    language,
    tree,
    blankedText: blank.text,
    lines,
    blanked: blank.macros,
    defines,
    macroFns,
    parseErrors: countErrors(tree.rootNode),
    reuse,
    blank,
  };
}

function collectDefines(root: Node, defines: Map<string, string>, fns: Map<string, { params: string[]; body: string }>): void {
  for (const d of root.descendantsOfType(['preproc_def', 'preproc_function_def'])) {
    if (!d) continue;
    const name = d.childForFieldName('name')?.text;
    const value = d.childForFieldName('value')?.text.trim() ?? '';
    if (!name) continue;
    if (d.type === 'preproc_def') defines.set(name, value);
    else {
      const params = (d.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p).map((p) => p.text);
      fns.set(name, { params, body: value });
    }
  }
}

/** ERROR and MISSING nodes, counted without recursion (trees of broken input can be very deep). */
export function countErrors(root: Node): number {
  if (!root.hasError) return 0;
  let count = 0;
  const cursor = root.walk();
  let more = true;
  while (more) {
    const n = cursor.currentNode;
    if (n.type === 'ERROR' || n.isMissing) count++;
    if (n.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        more = false;
        break;
      }
    }
  }
  return count;
}

/** Nothing differs (the same text again): every span is taken over. */
const NO_EDIT: EditSpan = { start: Number.MAX_SAFE_INTEGER, oldEnd: Number.MAX_SAFE_INTEGER, newEnd: Number.MAX_SAFE_INTEGER };

/**
 * One span covering both. Blanking keeps lengths, so both compare texts of the same two lengths: the
 * union ends where the shorter of the two common suffixes begins.
 */
function union(a: EditSpan, b: EditSpan): EditSpan {
  return { start: Math.min(a.start, b.start), oldEnd: Math.max(a.oldEnd, b.oldEnd), newEnd: Math.max(a.newEnd, b.newEnd) };
}

/** `lines`: of the new text (the blanked text has the same line breaks as the written one). */
function reparse(parsers: Parsers, previous: ParsedFile, edit: EditSpan, text: string, language: Language, lines: LineIndex): Tree {
  const { start, oldEnd, newEnd } = edit;
  const edited = previous.tree.copy();
  try {
    edited.edit(new Edit({
      startIndex: start,
      oldEndIndex: oldEnd,
      newEndIndex: newEnd,
      startPosition: pointOf(previous.lines, start),
      oldEndPosition: pointOf(previous.lines, oldEnd),
      newEndPosition: pointOf(lines, newEnd),
    }));
    return parsers.parse(text, language, edited);
  } finally {
    edited.delete();
  }
}

/** tree-sitter point of an offset: row, and column in the same units as the offsets (UTF-16 code units). */
function pointOf(lines: LineIndex, offset: number): { row: number; column: number } {
  const p = lines.position(offset);
  return { row: p.line, column: p.column };
}
