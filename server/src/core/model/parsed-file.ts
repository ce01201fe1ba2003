import { Edit, type Node, type Tree } from 'web-tree-sitter';
import { blankMacros, type BlankedMacro } from '../parse/blank';
import { LineIndex } from '../parse/lines';
import { languageOfSource } from '../parse/language';
import type { Parsers } from '../parse/parser';
import type { Language, SourceFile } from '../types';
import type { CallSite, HeaderFacts } from './functions';
import { TextMemo } from './text-memo';

/** Facts of a file's pieces keyed by their text, shared by the versions of one file (see TextMemo). */
export interface FileReuse {
  headers: TextMemo<HeaderFacts | null>;
  calls: TextMemo<CallSite[]>;
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
}

/**
 * Parses one file. With `previous` (the same file before an edit), tree-sitter reparses incrementally:
 * the changed range is found by comparing the two blanked texts, and only that part is parsed again.
 */
export function parseSource(parsers: Parsers, f: SourceFile, extraMacros: readonly string[], previous?: ParsedFile): ParsedFile {
  const language = f.language ?? languageOfSource(f.path, f.text);
  const blank = blankMacros(f.text, extraMacros);
  const same = previous && previous.language === language ? previous : undefined;
  const tree = same ? reparse(parsers, same, blank.text, language) : parsers.parse(blank.text, language);
  const reuse = same ? same.reuse : { headers: new TextMemo<HeaderFacts | null>(), calls: new TextMemo<CallSite[]>() };
  reuse.headers.turn();
  reuse.calls.turn();
  const defines = new Map<string, string>();
  const macroFns = new Map<string, { params: string[]; body: string }>();
  if (/^[ \t]*#[ \t]*define\b/m.test(f.text)) collectDefines(tree.rootNode, defines, macroFns);
  return {
    path: f.path,
    text: f.text,
    language,
    tree,
    blankedText: blank.text,
    lines: new LineIndex(f.text),
    blanked: blank.macros,
    defines,
    macroFns,
    parseErrors: countErrors(tree.rootNode),
    reuse,
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

function reparse(parsers: Parsers, previous: ParsedFile, text: string, language: Language): Tree {
  const old = previous.blankedText;
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const edited = previous.tree.copy();
  try {
    edited.edit(new Edit({
      startIndex: start,
      oldEndIndex: oldEnd,
      newEndIndex: newEnd,
      startPosition: pointAt(old, start),
      oldEndPosition: pointAt(old, oldEnd),
      newEndPosition: pointAt(text, newEnd),
    }));
    return parsers.parse(text, language, edited);
  } finally {
    edited.delete();
  }
}

/** tree-sitter point of an offset: row, and column in the same units as the offsets (UTF-16 code units). */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
