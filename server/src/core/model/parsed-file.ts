import type { Node, Tree } from 'web-tree-sitter';
import { blankMacros, type BlankedMacro } from '../parse/blank';
import { LineIndex } from '../parse/lines';
import { languageOf, type Parsers } from '../parse/parser';
import type { Language, SourceFile } from '../types';

/** A file of the run: its original text, the blanked text that was parsed, its tree and its macros. */
export interface ParsedFile {
  path: string;
  text: string;
  language: Language;
  tree: Tree;
  lines: LineIndex;
  blanked: BlankedMacro[];
  /** Object-like `#define NAME value` of this file. */
  defines: Map<string, string>;
  /** Function-like `#define NAME(a, b) body` of this file. */
  macroFns: Map<string, { params: string[]; body: string }>;
  parseErrors: number;
}

export function parseSource(parsers: Parsers, f: SourceFile, extraMacros: readonly string[]): ParsedFile {
  const language = f.language ?? languageOf(f.path);
  const blank = blankMacros(f.text, extraMacros);
  const tree = parsers.parse(blank.text, language);
  const defines = new Map<string, string>();
  const macroFns = new Map<string, { params: string[]; body: string }>();
  collectDefines(tree.rootNode, defines, macroFns);
  return {
    path: f.path,
    text: f.text,
    language,
    tree,
    lines: new LineIndex(f.text),
    blanked: blank.macros,
    defines,
    macroFns,
    parseErrors: countErrors(tree.rootNode),
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
