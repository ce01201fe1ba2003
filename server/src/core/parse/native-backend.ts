import { createRequire } from 'node:module';
import type { Node, Tree, TreeCursor } from 'web-tree-sitter';
import type { Language } from '../types';
import type { ParserBackend } from './backend';

/**
 * The native `tree-sitter` Node binding (an optional dependency, built from source at install). Its
 * SyntaxNode has the members the core reads under the same names and in the same units (UTF-16 code
 * units), so nodes pass through unwrapped; only the tree is wrapped, for the three members it lacks
 * (`copy`, `delete`, and `edit` taking web-tree-sitter's `Edit`).
 */
interface Point {
  row: number;
  column: number;
}

interface RawEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Point;
  oldEndPosition: Point;
  newEndPosition: Point;
}

interface RawTree {
  readonly rootNode: Node;
  edit(edit: RawEdit): void;
  walk(): TreeCursor;
}

interface RawParser {
  setLanguage(language: unknown): void;
  parse(input: string, oldTree?: RawTree | null): RawTree;
}

type RawParserClass = new () => RawParser;

class NativeTree {
  constructor(
    readonly raw: RawTree,
    private readonly parser: RawParser,
    /** The text this tree was parsed from: `copy` re-parses it against the tree, reusing every node. */
    private readonly text: string,
  ) {}

  get rootNode(): Node {
    return this.raw.rootNode;
  }

  /** The binding has no ts_tree_copy; a parse of the same text with this tree as the old one shares all of it. */
  copy(): Tree {
    return new NativeTree(this.parser.parse(this.text, this.raw), this.parser, this.text) as unknown as Tree;
  }

  edit(edit: RawEdit): void {
    this.raw.edit(edit);
  }

  walk(): TreeCursor {
    return this.raw.walk();
  }

  /** Native trees are freed by the garbage collector. */
  delete(): void {}
}

/** Loads the binding and both grammars' native builds; throws when any of them is missing or fails to load. */
export function loadNativeBackend(): ParserBackend {
  // Not `require`: the bundler must leave the binding to be resolved from node_modules at run time.
  const load = createRequire(__filename);
  const ParserClass = load('tree-sitter') as RawParserClass;
  const pc = new ParserClass();
  pc.setLanguage(load('tree-sitter-c'));
  const pcpp = new ParserClass();
  pcpp.setLanguage(load('tree-sitter-cpp'));
  return {
    name: 'native',
    parse(text: string, language: Language, old?: Tree): Tree {
      const p = language === 'cpp' ? pcpp : pc;
      const before = old as unknown;
      if (before !== undefined && !(before instanceof NativeTree)) throw new Error('native tree-sitter cannot reparse a tree of another backend');
      const raw = p.parse(text, before instanceof NativeTree ? before.raw : null);
      if (!raw) throw new Error('tree-sitter returned no tree');
      return new NativeTree(raw, p, text) as unknown as Tree;
    },
  };
}
