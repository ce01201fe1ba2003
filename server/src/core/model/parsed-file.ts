import { Edit, type Node, type Tree } from 'web-tree-sitter';
import { blankMacros, reblank, type BlankedMacro, type BlankResult } from '../parse/blank';
import { LineIndex } from '../parse/lines';
import { commonPrefix, commonSuffix } from '../parse/text-diff';
import { languageOfSource } from '../parse/language';
import type { Parsers } from '../parse/parser';
import type { ReturnKind } from '../flow/context';
import type { Language, SourceFile } from '../types';
import type { CallSite, HeaderFacts } from './functions';
import { TextMemo } from './text-memo';

/** Facts of a file's pieces keyed by their text, shared by the versions of one file (see TextMemo). */
export interface FileReuse {
  headers: TextMemo<HeaderFacts | null>;
  calls: TextMemo<CallSite[]>;
  /** Prototypes and file-scope variables a declaration declares (file-facts.ts). */
  declarations: TextMemo<DeclarationFacts>;
  /** Names of a function's locals and parameters. */
  locals: TextMemo<Set<string>>;
}

/** What one declaration outside function bodies contributes. */
export interface DeclarationFacts {
  prototypes: Array<[string, ReturnKind]>;
  globals: Array<{ name: string; value: string | null }>;
}

function newReuse(): FileReuse {
  return { headers: new TextMemo(), calls: new TextMemo(), declarations: new TextMemo(), locals: new TextMemo() };
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
  const blank = same ? reblank(f.text, extraMacros, same.text, same.blank) : blankMacros(f.text, extraMacros);
  const lines = new LineIndex(f.text);
  const tree = same ? reparse(parsers, same, blank.text, language, lines) : parsers.parse(blank.text, language);
  const reuse = same ? same.reuse : newReuse();
  for (const memo of Object.values(reuse) as Array<TextMemo<unknown>>) memo.turn();
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

/** `lines`: of the new text (the blanked text has the same line breaks as the written one). */
function reparse(parsers: Parsers, previous: ParsedFile, text: string, language: Language, lines: LineIndex): Tree {
  const old = previous.blankedText;
  const start = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  const oldEnd = old.length - suffix;
  const newEnd = text.length - suffix;
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
