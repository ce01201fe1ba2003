import type { Node } from 'web-tree-sitter';
import type { ParsedFile } from './parsed-file';

/**
 * The declarations of a file that live outside function bodies: function definitions (free, in
 * namespaces, classes, templates, extern "C" and #if blocks) and declarations. Found by walking only
 * the containers, never the bodies: a keystroke's re-extraction must not visit every node of the file.
 */
export interface Outline {
  functions: Node[];
  declarations: Node[];
  /** The `declaration`s directly in the translation unit (file-scope variables live there), in source order. */
  rootDeclarations: Node[];
}

const CONTAINERS = new Set([
  'translation_unit', 'declaration_list', 'field_declaration_list', 'linkage_specification', 'namespace_definition',
  'template_declaration', 'preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef',
  'class_specifier', 'struct_specifier', 'union_specifier', 'ERROR', 'export_declaration',
]);

const memo = new WeakMap<ParsedFile, Outline>();

export function outlineOf(f: ParsedFile): Outline {
  let o = memo.get(f);
  if (!o) {
    o = walk(f.tree.rootNode);
    memo.set(f, o);
  }
  return o;
}

function walk(root: Node): Outline {
  const functions: Node[] = [];
  const declarations: Node[] = [];
  const rootDeclarations: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    const kids = n.namedChildren;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (!k) continue;
      const t = k.type;
      if (t === 'function_definition') functions.push(k);
      else if (t === 'declaration' || t === 'field_declaration') {
        declarations.push(k);
        if (n === root && t === 'declaration') rootDeclarations.push(k);
        // `class C { ... };` / `struct S { ... } x;`: its members are declarations too.
        const type = k.childForFieldName('type');
        if (type && (type.type === 'class_specifier' || type.type === 'struct_specifier' || type.type === 'union_specifier')) stack.push(type);
      } else if (CONTAINERS.has(t)) stack.push(k);
      else if (t === 'expression_statement' || t === 'type_definition') continue;
    }
  }
  // Source order (the stack visits children in order, but containers interleave).
  functions.sort((a, b) => a.startIndex - b.startIndex);
  rootDeclarations.reverse();
  return { functions, declarations, rootDeclarations };
}
