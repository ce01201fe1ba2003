import type { Node } from 'web-tree-sitter';
import type { SalFact } from '../parse/macros';
import { outlineOf } from './outline';
import type { ParsedFile } from './parsed-file';

export interface ParamInfo {
  index: number;
  /** Empty for an unnamed parameter. */
  name: string;
  /** Facts kept from blanked SAL annotations (`_Out_` on lpErrno). */
  facts: SalFact[];
  isPointer: boolean;
  /** C++ default argument, as written (`int code = WSAECONNRESET`). */
  defaultValue?: string;
}

/** A function definition of the run (free function, member, or lambda-free template). */
export interface FunctionInfo {
  /** Last component of the name (`WSPConnect` for `CProvider::WSPConnect`). */
  name: string;
  qualified: string;
  /** The file's path (compare by it: `file` of a function known only by its facts is parsed when read). */
  path: string;
  file: ParsedFile;
  node: Node;
  body: Node;
  params: ParamInfo[];
  /** Unique key: file path + start offset. */
  key: string;
}

/** What a definition's header says (name, parameters): the same for the same header text. */
export interface HeaderFacts {
  name: string;
  qualified: string;
  params: ParamInfo[];
}

/** A call in a function body, by callee name and argument count. */
export interface CallSite {
  name: string;
  argCount: number;
}

const FUNCTION_NAME_TYPES = new Set(['identifier', 'field_identifier', 'qualified_identifier', 'destructor_name', 'operator_name', 'template_function']);

export function collectFunctions(file: ParsedFile): FunctionInfo[] {
  const out: FunctionInfo[] = [];
  for (const def of outlineOf(file).functions) {
    const body = def.childForFieldName('body');
    if (!body) continue;
    const start = def.startIndex;
    // The header's text (SAL facts come from it) decides everything here.
    const h = file.reuse.headers.get(start, body.startIndex, () => headerFacts(def, file));
    if (h) out.push({ name: h.name, qualified: h.qualified, path: file.path, file, node: def, body, params: h.params, key: `${file.path}:${start}` });
  }
  return out;
}

function headerFacts(def: Node, file: ParsedFile): HeaderFacts | null {
  const fdecl = findFunctionDeclarator(def.childForFieldName('declarator'));
  if (!fdecl) return null;
  const nameNode = fdecl.childForFieldName('declarator');
  if (!nameNode || !FUNCTION_NAME_TYPES.has(nameNode.type)) return null;
  const qualified = nameNode.text.replace(/\s+/g, '');
  const name = qualified.split('::').pop()!.replace(/<.*$/, '');
  // Facts are kept relative to the header, so they hold wherever the function moves.
  return { name, qualified, params: paramsOf(fdecl, file) };
}

/** The calls of a function's body (callee name, argument count), read from the tree once per body text. */
export function callSitesOf(fn: FunctionInfo, read: (body: Node) => CallSite[]): CallSite[] {
  const f = fn.file;
  return f.reuse.calls.get(fn.body.startIndex, fn.body.endIndex, () => read(fn.body));
}

export function findFunctionDeclarator(d: Node | null): Node | null {
  let cur = d;
  for (let guard = 0; cur && guard < 50; guard++) {
    if (cur.type === 'function_declarator') {
      // `int (*f(void))(int)` aside, the innermost function_declarator names the function.
      const inner = cur.childForFieldName('declarator');
      if (inner && inner.type !== 'parenthesized_declarator' && inner.type !== 'pointer_declarator') return cur;
      cur = inner;
      continue;
    }
    cur = cur.childForFieldName('declarator') ?? cur.namedChildren.find((c) => c?.type.endsWith('declarator')) ?? null;
  }
  return null;
}

function paramsOf(fdecl: Node, file: ParsedFile): ParamInfo[] {
  const list = fdecl.childForFieldName('parameters');
  if (!list) return [];
  const decls = list.namedChildren.filter((p): p is Node => !!p && (p.type === 'parameter_declaration' || p.type === 'optional_parameter_declaration'));
  if (decls.length === 1 && decls[0].text.trim() === 'void') return [];
  return decls.map((p, index) => {
    const nameNode = declaratorName(p.childForFieldName('declarator'));
    const facts: SalFact[] = [];
    // Blanked macros are sorted by offset: find this parameter's with a binary search, bounds read once.
    const start = p.startIndex;
    const end = p.endIndex;
    for (let k = firstAtOrAfter(file.blanked, start); k < file.blanked.length && file.blanked[k].offset < end; k++) facts.push(...file.blanked[k].facts);
    const declText = p.childForFieldName('declarator')?.text ?? '';
    const typeText = p.childForFieldName('type')?.text ?? '';
    const isPointer = declText.includes('*') || declText.includes('[') || /^(LP|P)[A-Z]/.test(typeText) || typeText.endsWith('*');
    const defaultValue = p.type === 'optional_parameter_declaration' ? p.childForFieldName('default_value')?.text : undefined;
    return { index, name: nameNode?.text ?? '', facts, isPointer, defaultValue };
  });
}

export function declaratorName(d: Node | null): Node | null {
  let cur = d;
  for (let guard = 0; cur && guard < 50; guard++) {
    if (cur.type === 'identifier' || cur.type === 'field_identifier') return cur;
    cur = cur.childForFieldName('declarator') ?? cur.namedChildren.find((c) => c && (c.type === 'identifier' || c.type.endsWith('declarator'))) ?? null;
  }
  return null;
}

function firstAtOrAfter(list: ReadonlyArray<{ offset: number }>, offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
