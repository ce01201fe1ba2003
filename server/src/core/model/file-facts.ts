import type { Node } from 'web-tree-sitter';
import type { ReturnKind } from '../flow/context';
import { collectFunctions, declaratorName, findFunctionDeclarator, type FunctionInfo } from './functions';
import { scanAssignments } from './assignment-scan';
import { outlineOf } from './outline';
import type { DeclarationFacts, ParsedFile } from './parsed-file';
import { collectProcInstalls, type ProcInstall } from './proc-tables';

/**
 * What one file contributes to a run, extracted once per parsed file (a file whose text did not change
 * is not walked again when the next run is built).
 */
export interface FileFacts {
  file: ParsedFile;
  functions: FunctionInfo[];
  installs: ProcInstall[];
  /** Declared-only functions and how they report failure. */
  prototypes: Array<[string, ReturnKind]>;
  /** File-scope variables, with their initializer text (null when none). */
  globalDecls: Array<{ name: string; value: string | null }>;
  /** Function definitions by offset range, to tell a global's assignment from a local's. */
  fns: Array<{ n: Node; start: number; end: number }>;
}

const memo = new WeakMap<ParsedFile, FileFacts>();

/** Every `name =` / `name op=` of a file's text, by name (offsets of the name), found once per text. */
const assignTextMemo = new WeakMap<ParsedFile, Map<string, Array<{ index: number; op: string }>>>();

function assignmentsInText(f: ParsedFile): Map<string, Array<{ index: number; op: string }>> {
  let byName = assignTextMemo.get(f);
  if (byName) return byName;
  byName = new Map();
  // One pass over the text for all names, and after an edit only around it (scanAssignments).
  const scan = scanAssignments(f.text, f.reuse.assignments ?? undefined);
  f.reuse.assignments = scan;
  for (const m of scan.matches) {
    const list = byName.get(m.name);
    if (list) list.push({ index: m.index, op: m.op });
    else byName.set(m.name, [{ index: m.index, op: m.op }]);
  }
  assignTextMemo.set(f, byName);
  return byName;
}

/**
 * Assignments to the named variables (`g_err = WSAENOBUFS`), with where they are: found from the text
 * (`name =`), then the node there, instead of walking every assignment of the file.
 */
export function assignsTo(f: ParsedFile, names: readonly string[]): Array<{ name: string; value: string | null; at: number }> {
  const out: Array<{ name: string; value: string | null; at: number }> = [];
  const inText = assignmentsInText(f);
  if (inText.size === 0) return out;
  const root = f.tree.rootNode;
  for (const name of names) {
    for (const m of inText.get(name) ?? []) {
      let n: Node | null = root.descendantForIndex(m.index, m.index + name.length);
      for (let up = 0; n && up < 3 && n.type !== 'assignment_expression'; up++) n = n.parent;
      const left = n?.type === 'assignment_expression' ? n.childForFieldName('left') : null;
      if (!n || left?.type !== 'identifier' || left.text !== name) continue;
      out.push({ name, value: m.op === '=' ? (n.childForFieldName('right')?.text ?? null) : null, at: n.startIndex });
    }
  }
  return out;
}

/**
 * The assignment stores into the file-scope variable of that name, not into a local or parameter of the
 * function around it (asked only for names that are globals somewhere in the run, so it stays cheap).
 */
export function assignsGlobal(facts: FileFacts, a: { name: string; at: number }): boolean {
  const fn = containing(facts.fns, a.at);
  if (!fn) return true;
  return !facts.file.reuse.locals.get(fn.start, fn.end, () => localNames(fn.n)).has(a.name);
}

export function factsOf(f: ParsedFile): FileFacts {
  let facts = memo.get(f);
  if (!facts) {
    facts = extract(f);
    memo.set(f, facts);
  }
  return facts;
}

function extract(f: ParsedFile): FileFacts {
  const prototypes: Array<[string, ReturnKind]> = [];
  const globalDecls: FileFacts['globalDecls'] = [];
  const outline = outlineOf(f);
  const atRoot = new Set(outline.rootDeclarations);
  for (const d of outline.declarations) {
    // A declaration says the same thing wherever it moves: read from the tree once per text.
    const root = atRoot.has(d);
    const facts = (root ? f.reuse.rootDeclarations : f.reuse.declarations).get(d.startIndex, d.endIndex, () => declarationFacts(d, root));
    prototypes.push(...facts.prototypes);
  }
  // File-scope variables in source order.
  for (const d of outline.rootDeclarations) {
    globalDecls.push(...f.reuse.rootDeclarations.get(d.startIndex, d.endIndex, () => declarationFacts(d, true)).globals);
  }
  const fns = outline.functions.map((n) => ({ n, start: n.startIndex, end: n.endIndex }));
  return { file: f, functions: collectFunctions(f), // Only files that name a table entry can install anything (a text test is far cheaper than a tree walk).
    installs: /lpWSP[A-Z]|WSPPROC_TABLE/.test(f.text) ? collectProcInstalls(f) : [], prototypes, globalDecls, fns };
}

function declarationFacts(d: Node, root: boolean): DeclarationFacts {
  const prototypes: Array<[string, ReturnKind]> = [];
  const globals: DeclarationFacts['globals'] = [];
  for (const decl of d.childrenForFieldName('declarator')) {
    if (!decl) continue;
    const fdecl = findFunctionDeclarator(decl);
    const name = fdecl?.childForFieldName('declarator')?.text.split('::').pop();
    if (name) prototypes.push([name, returnKind(d.childForFieldName('type')?.text ?? '', decl.type === 'pointer_declarator')]);
    if (!root || decl.type === 'function_declarator' || fdecl) continue;
    const id = declaratorName(decl);
    const value = decl.type === 'init_declarator' ? decl.childForFieldName('value') : null;
    if (id) globals.push({ name: id.text, value: value ? value.text : null });
  }
  return { prototypes, globals };
}

function localNames(fn: Node): Set<string> {
  const names = new Set<string>();
  for (const d of fn.childForFieldName('body')?.descendantsOfType('declaration') ?? []) {
    for (const decl of d?.childrenForFieldName('declarator') ?? []) {
      const id = declaratorName(decl);
      if (id) names.add(id.text);
    }
  }
  for (const p of fn.descendantsOfType('parameter_declaration')) {
    const id = declaratorName(p?.childForFieldName('declarator') ?? null);
    if (id) names.add(id.text);
  }
  return names;
}

export function returnKind(type: string, pointer: boolean): ReturnKind {
  const t = type.replace(/\b(const|static|extern|inline|__inline|virtual|struct)\b/g, '').trim();
  if (pointer || /^(P|LP)[A-Z][A-Z0-9_]*$/.test(t) || /^(HANDLE|HLOCAL|HGLOBAL)$/.test(t)) return 'pointer';
  if (/^(BOOL|bool|BOOLEAN|WINBOOL)$/.test(t)) return 'bool';
  if (/^(void|VOID)$/.test(t)) return 'void';
  if (t === 'SOCKET') return 'socket';
  if (/^(int|INT|LONG|long|ULONG|DWORD|NTSTATUS|HRESULT|unsigned|short|signed|int32_t|INT32)$/.test(t)) return 'int';
  return 'other';
}


/** The function whose range holds the offset (ranges sorted by start; nested definitions are rare). */
function containing(fns: ReadonlyArray<{ n: Node; start: number; end: number }>, at: number): { n: Node; start: number; end: number } | undefined {
  let lo = 0;
  let hi = fns.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fns[mid].start <= at) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let k = best; k >= 0; k--) if (at < fns[k].end) return fns[k];
  return undefined;
}
