import type { Node } from 'web-tree-sitter';
import type { ReturnKind, RunContext } from '../flow/context';
import type { HelperSummary } from '../flow/events';
import { summarize } from '../summary/summarize';
import { valKey, type Val } from '../flow/state';

const MAX_SPECIALIZATIONS = 16;
import { knownConstant, parseNumber, type ConstValue } from './constants';
import { collectFunctions, declaratorName, findFunctionDeclarator, type FunctionInfo } from './functions';
import type { ParsedFile } from './parsed-file';
import { collectProcInstalls, type ProcInstall } from './proc-tables';

/**
 * Everything known across the files of one run: functions (for interprocedural summaries), globals,
 * macros and proc-table installs. Summaries are computed on demand and cached.
 */
export class Run implements RunContext {
  readonly functions: FunctionInfo[] = [];
  readonly installs: ProcInstall[] = [];
  private readonly byName = new Map<string, FunctionInfo[]>();
  private readonly defines = new Map<string, string>();
  private readonly macroFns = new Map<string, { params: string[]; body: string }>();
  private readonly globals = new Map<string, ConstValue[] | null>();
  private readonly prototypes = new Map<string, ReturnKind>();
  private readonly summaries = new Map<string, HelperSummary | null>();
  private readonly inProgress = new Set<string>();
  private readonly specializations = new Map<string, number>();

  constructor(readonly files: ParsedFile[]) {
    for (const f of files) {
      for (const fn of collectFunctions(f)) {
        this.functions.push(fn);
        const list = this.byName.get(fn.name) ?? [];
        list.push(fn);
        this.byName.set(fn.name, list);
      }
      this.installs.push(...collectProcInstalls(f));
      for (const [k, v] of f.defines) if (!this.defines.has(k)) this.defines.set(k, v);
      for (const [k, v] of f.macroFns) if (!this.macroFns.has(k)) this.macroFns.set(k, v);
    }
    for (const f of files) this.collectGlobals(f);
    for (const f of files) this.collectPrototypes(f);
  }

  prototype(name: string): ReturnKind | undefined {
    return this.prototypes.get(name);
  }

  /** `PSOCK_CTX FindCtx(SOCKET s, LPINT err);`: how a declared-only function reports failure. */
  private collectPrototypes(f: ParsedFile): void {
    for (const d of f.tree.rootNode.descendantsOfType(['declaration', 'field_declaration'])) {
      if (!d) continue;
      for (const decl of d.childrenForFieldName('declarator')) {
        if (!decl) continue;
        const fdecl = findFunctionDeclarator(decl);
        if (!fdecl) continue;
        const name = fdecl.childForFieldName('declarator')?.text.split('::').pop();
        if (!name || this.prototypes.has(name)) continue;
        const pointer = decl.type === 'pointer_declarator';
        this.prototypes.set(name, returnKind(d.childForFieldName('type')?.text ?? '', pointer));
      }
    }
  }

  functionsNamed(name: string): FunctionInfo[] {
    return this.byName.get(name) ?? [];
  }

  define(name: string): string | undefined {
    return this.defines.get(name);
  }

  macroFn(name: string): { params: string[]; body: string } | undefined {
    return this.macroFns.get(name);
  }

  globalValues(name: string): ConstValue[] | null | undefined {
    return this.globals.get(name);
  }

  summaryFor(call: Node, name: string, argCount: number, caller: FunctionInfo, constArgs: ReadonlyArray<Val | null> = []): HelperSummary | null {
    const candidates = (this.byName.get(name) ?? []).filter((f) => f.params.length === argCount && f.key !== caller.key);
    if (candidates.length === 0) return null;
    const fn = candidates.find((f) => f.file === caller.file) ?? candidates[0];
    // Specialize on constant scalar arguments, a few per helper; beyond that the general summary serves.
    const consts = constArgs.map((v, j) => (v && !fn.params[j]?.isPointer ? valKey(v) : '')).join(',');
    const specialized = consts.replace(/,/g, '') !== '' && (this.specializations.get(fn.key) ?? 0) < MAX_SPECIALIZATIONS;
    const key = specialized ? `${fn.key}|${consts}` : fn.key;
    if (this.summaries.has(key)) return this.summaries.get(key)!;
    if (this.inProgress.has(fn.key)) return null; // recursion: treat as unknown code
    this.inProgress.add(fn.key);
    try {
      const s = summarize(this, fn, specialized ? constArgs : []);
      this.summaries.set(key, s);
      if (specialized) this.specializations.set(fn.key, (this.specializations.get(fn.key) ?? 0) + 1);
      return s;
    } finally {
      this.inProgress.delete(fn.key);
    }
  }

  /** File-scope variables and the constants assigned to them anywhere in the run. */
  private collectGlobals(f: ParsedFile): void {
    const root = f.tree.rootNode;
    const names = new Set<string>();
    for (const d of root.namedChildren) {
      if (!d || d.type !== 'declaration') continue;
      for (const decl of d.childrenForFieldName('declarator')) {
        if (!decl || decl.type === 'function_declarator') continue;
        const id = declaratorName(decl);
        if (!id) continue;
        names.add(id.text);
        const value = decl.type === 'init_declarator' ? decl.childForFieldName('value') : null;
        this.noteGlobal(id.text, value ? value.text : null, !value);
      }
    }
    if (names.size === 0 && this.globals.size === 0) return;
    for (const a of root.descendantsOfType('assignment_expression')) {
      const left = a?.childForFieldName('left');
      if (!a || left?.type !== 'identifier') continue;
      if (!names.has(left.text) && !this.globals.has(left.text)) continue;
      const fnScope = this.isLocal(a, left.text);
      if (fnScope) continue;
      this.noteGlobal(left.text, a.childForFieldName('operator')?.text === '=' ? (a.childForFieldName('right')?.text ?? null) : null, false);
    }
  }

  private noteGlobal(name: string, valueText: string | null, uninitialized: boolean): void {
    if (uninitialized) {
      if (!this.globals.has(name)) this.globals.set(name, []);
      return;
    }
    const prev = this.globals.get(name);
    if (prev === null) return;
    const t = (valueText ?? '').replace(/^\(+|\)+$/g, '').trim();
    const num = parseNumber(t);
    const c: ConstValue | undefined = num !== undefined ? { num } : /^[A-Za-z_]\w*$/.test(t) ? knownConstant(t) ?? this.defineConst(t) : undefined;
    if (!c) {
      this.globals.set(name, null);
      return;
    }
    this.globals.set(name, [...(prev ?? []), c]);
  }

  private defineConst(name: string): ConstValue | undefined {
    const v = this.defines.get(name);
    if (v === undefined) return undefined;
    const num = parseNumber(v.trim());
    if (num !== undefined) return { name, num };
    const k = knownConstant(v.trim());
    return k ? { ...k, name: k.name ?? name } : undefined;
  }

  /** The identifier is declared inside the function that contains this node (a local, not the global). */
  private isLocal(n: Node, name: string): boolean {
    let cur: Node | null = n.parent;
    while (cur && cur.type !== 'function_definition') cur = cur.parent;
    if (!cur) return false;
    const body = cur.childForFieldName('body');
    const decls = body?.descendantsOfType('declaration') ?? [];
    for (const d of decls) for (const decl of d?.childrenForFieldName('declarator') ?? []) if (declaratorName(decl)?.text === name) return true;
    const params = cur.descendantsOfType('parameter_declaration');
    return params.some((p) => declaratorName(p?.childForFieldName('declarator') ?? null)?.text === name);
  }
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
