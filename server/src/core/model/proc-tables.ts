import type { Node } from 'web-tree-sitter';
import { PROC_TABLE_FIELDS } from '../spec/contracts';
import type { ParsedFile } from './parsed-file';

/** A function installed in a WSPPROC_TABLE entry: `Table->lpWSPConnect = X;`, `{ ..., X, ... }`. */
export interface ProcInstall {
  entry: string;
  /** Last component of the installed function's name. */
  functionName: string;
  /** The table written: `lpProcTable`, `gProcTable`, `Provider->NextProcTable` (text without spaces). */
  table: string;
  /** The file's path (compare by it, as for functions). */
  path: string;
  file: ParsedFile;
  node: Node;
}

export function collectProcInstalls(file: ParsedFile): ProcInstall[] {
  const out: ProcInstall[] = [];
  const entries = new Set(PROC_TABLE_FIELDS.map((f) => f.field));
  const root = file.tree.rootNode;
  const seen = new Set<number>();
  // Stores into a member (`Table->lpWSPConnect = X`, `{ .lpWSPConnect = X }`): found from the text, then
  // the node there, so that a keystroke does not walk every assignment of the file.
  for (const m of file.text.matchAll(/\b(lpWSP[A-Za-z]+)\s*=(?!=)/g)) {
    if (!entries.has(m[1])) continue;
    let n: Node | null = root.descendantForIndex(m.index!, m.index! + m[1].length);
    for (let up = 0; n && up < 6 && n.type !== 'assignment_expression' && n.type !== 'initializer_pair'; up++) n = n.parent;
    if (!n || seen.has(n.id)) continue;
    seen.add(n.id);
    if (n.type === 'assignment_expression') {
      const left = n.childForFieldName('left');
      if (left?.type !== 'field_expression' || left.childForFieldName('field')?.text !== m[1]) continue;
      const fn = installedName(n.childForFieldName('right'));
      const table = (left.childForFieldName('argument')?.text ?? '').replace(/\s+/g, '');
      if (fn) out.push({ entry: m[1], functionName: fn, table, path: file.path, file, node: n });
    } else {
      const designator = n.childForFieldName('designator') ?? n.namedChildren[0];
      if (designator?.text.replace(/^\./, '') !== m[1]) continue;
      const fn = installedName(n.childForFieldName('value'));
      if (fn) out.push({ entry: m[1], functionName: fn, table: tableOfInitializer(n), path: file.path, file, node: n });
    }
  }
  // Positional aggregate initializers of a WSPPROC_TABLE.
  for (const m of file.text.matchAll(/\bWSPPROC_TABLE\b[^;{}()]*=\s*\{/g)) {
    let d: Node | null = root.descendantForIndex(m.index!, m.index! + 13);
    for (let up = 0; d && up < 4 && d.type !== 'declaration'; up++) d = d.parent;
    if (!d || d.type !== 'declaration' || seen.has(d.id)) continue;
    seen.add(d.id);
    for (const init of d.descendantsOfType('initializer_list')) {
      if (!init || init.parent?.type !== 'init_declarator') continue;
      const items = init.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      if (items.some((c) => c.type === 'initializer_pair')) continue;
      const table = tableOfInitializer(init);
      items.forEach((item, i) => {
        const fn = installedName(item);
        const field = PROC_TABLE_FIELDS[i]?.field;
        if (fn && field) out.push({ entry: field, functionName: fn, table, path: file.path, file, node: item });
      });
    }
  }
  return out;
}

/** `X`, `&X`, `Cls::X`, `&Cls::X`, `(LPWSPCONNECT)X` -> `X`. */
function installedName(n: Node | null): string | null {
  let cur = n;
  for (let guard = 0; cur && guard < 10; guard++) {
    if (cur.type === 'identifier') return cur.text === 'NULL' ? null : cur.text;
    if (cur.type === 'qualified_identifier') return cur.text.split('::').pop() ?? null;
    if (cur.type === 'pointer_expression' || cur.type === 'parenthesized_expression') cur = cur.namedChildren[cur.namedChildren.length - 1] ?? null;
    else if (cur.type === 'cast_expression') cur = cur.childForFieldName('value');
    // `reinterpret_cast<LPWSPSEND>(&SendImpl)`
    else if (cur.type === 'call_expression' && /_cast$/.test(cur.childForFieldName('function')?.childForFieldName('name')?.text ?? '')) cur = cur.childForFieldName('arguments')?.namedChildren[0] ?? null;
    // `(LPWSPSEND)&SendImpl` in C++, which tree-sitter reads as a bitwise and.
    else if (cur.type === 'binary_expression' && cur.childForFieldName('operator')?.text === '&' && cur.childForFieldName('left')?.type === 'parenthesized_expression') cur = cur.childForFieldName('right');
    else return null;
  }
  return null;
}

/** The variable an initializer list initializes (`WSPPROC_TABLE gTable = {...}`). */
function tableOfInitializer(n: Node): string {
  let cur: Node | null = n;
  while (cur && cur.type !== 'init_declarator') cur = cur.parent;
  const d = cur?.childForFieldName('declarator');
  return d ? d.text.replace(/[\s*&]/g, '') : '';
}
