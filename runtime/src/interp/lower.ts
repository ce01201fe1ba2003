/** Lowers the tree-sitter C tree of a file into the interpreter's syntax tree (./ast.ts). */
import type { Node } from 'web-tree-sitter';
import type { Declarator, Expr, FunctionDef, Program, Stmt } from './ast';
import type { CType } from './ctypes';
import { INT } from './ctypes';
import { ExprLowerer, firstLine, parseInteger } from './lower-expr';
import { TypeError_, applyDeclarator, baseType, constValue, field, kids, lineOf } from './lower-types';

/** Lowers a whole file: its functions, globals, types, macros and statements (expressions: ./lower-expr.ts). */
export class Lowerer extends ExprLowerer {
  /** `#define` names, for `#ifdef`. */
  private readonly defined = new Set<string>(['_WIN32', '_WIN64', 'WIN32', '_M_X64', '_MSC_VER']);
  private readonly functionMacros = new Set<string>();

  program(root: Node, only?: (fn: Node) => boolean): Program {
    const functions = new Map<string, FunctionDef>();
    const globals: Declarator[] = [];
    const visit = (nodes: Node[]): void => {
      for (const n of nodes) {
        switch (n.type) {
          case 'function_definition': {
            const f = this.functionDef(n, only ? only(n) : true);
            if (f) functions.set(f.name, f);
            break;
          }
          case 'declaration':
            try {
              for (const d of this.declarators(n)) if (d.type.kind !== 'func') globals.push(d);
            } catch (e) {
              if (!(e instanceof TypeError_)) throw e;
              // A file-level declaration the interpreter cannot lay out matters only if a snippet uses it.
            }
            break;
          case 'type_definition':
            this.typedef(n);
            break;
          case 'preproc_def':
            this.define(n);
            break;
          case 'preproc_function_def':
            this.functionMacros.add((field(n, 'name') as Node).text);
            this.defined.add((field(n, 'name') as Node).text);
            break;
          case 'preproc_ifdef':
          case 'preproc_if':
          case 'preproc_else':
          case 'preproc_elif':
            visit(this.preprocBranch(n));
            break;
          case 'enum_specifier':
          case 'struct_specifier':
          case 'union_specifier':
            this.tryType(n);
            break;
          default:
            break;
        }
      }
    };
    visit(kids(root));
    return { functions, globals, macros: this.env.macros, functionMacros: this.functionMacros, enums: this.env.enums };
  }

  private tryType(n: Node): void {
    try {
      baseType(this.env, n, (x) => this.constOf(x));
    } catch (e) {
      if (!(e instanceof TypeError_)) throw e;
    }
  }

  private define(n: Node): void {
    const name = (field(n, 'name') as Node).text;
    this.defined.add(name);
    const value = field(n, 'value');
    if (!value) return;
    const parsed = this.parseMacroValue?.(value.text.trim());
    if (parsed) this.env.macros.set(name, parsed);
  }

  /** Set by the caller: parses a macro body as an expression (it needs the parser). */
  parseMacroValue: ((text: string) => Expr | null) | null = null;

  /** The statements of the branch an #if/#ifdef takes. */
  private preprocBranch(n: Node): Node[] {
    const isElse = n.type === 'preproc_else';
    let take: boolean;
    if (isElse) take = true;
    else if (n.type === 'preproc_ifdef') {
      const name = (field(n, 'name') as Node).text;
      take = n.text.startsWith('#ifndef') ? !this.defined.has(name) : this.defined.has(name);
    } else {
      const cond = field(n, 'condition');
      const v = cond ? this.preprocCondition(cond) : null;
      take = v !== null && v !== 0n;
    }
    const alt = field(n, 'alternative');
    if (!take) return alt ? [alt] : [];
    const skip = [alt, field(n, 'name'), field(n, 'condition')].filter((x): x is Node => x !== null).map((x) => x.id);
    return kids(n).filter((k) => !skip.includes(k.id));
  }

  private preprocCondition(n: Node): bigint | null {
    if (n.type === 'preproc_defined') return this.defined.has(kids(n)[0]?.text ?? '') ? 1n : 0n;
    if (n.type === 'number_literal') return parseInteger(n.text)?.value ?? null;
    if (n.type === 'identifier') return this.defined.has(n.text) ? (constValue(this.env, { k: 'id', name: n.text, line: 0 }) ?? 0n) : 0n;
    if (n.type === 'unary_expression' && field(n, 'operator')?.text === '!') {
      const v = this.preprocCondition(field(n, 'argument') as Node);
      return v === null ? null : v === 0n ? 1n : 0n;
    }
    if (n.type === 'parenthesized_expression') return this.preprocCondition(kids(n)[0]);
    return null;
  }

  private typedef(n: Node): void {
    const t = field(n, 'type');
    if (!t) return;
    try {
      const base = baseType(this.env, t, (x) => this.constOf(x));
      for (const d of n.childrenForFieldName('declarator')) {
        const r = applyDeclarator(this.env, base, d, (x) => this.constOf(x));
        this.env.typedefs.set(r.name, r.type);
      }
    } catch (e) {
      if (!(e instanceof TypeError_)) throw e;
    }
  }

  functionDef(n: Node, withBody: boolean): FunctionDef | null {
    const decl = field(n, 'declarator');
    const t = field(n, 'type');
    if (!decl || !t) return null;
    let fnDecl: Node | null = decl;
    while (fnDecl && fnDecl.type !== 'function_declarator') fnDecl = field(fnDecl, 'declarator');
    if (!fnDecl) return null;
    const name = (field(fnDecl, 'declarator') as Node).text;
    let returns: CType;
    const params: { name: string; type: CType }[] = [];
    try {
      returns = baseType(this.env, t, (x) => this.constOf(x));
      if (decl.type === 'pointer_declarator') returns = { kind: 'ptr', to: returns };
      for (const p of kids(field(fnDecl, 'parameters') as Node)) {
        if (p.type !== 'parameter_declaration') continue;
        const pt = field(p, 'type');
        if (!pt) continue;
        const r = applyDeclarator(this.env, baseType(this.env, pt, (x) => this.constOf(x)), field(p, 'declarator'), (x) => this.constOf(x));
        if (r.type.kind === 'void' && !r.name) continue;
        // Array parameters are pointers.
        params.push({ name: r.name, type: r.type.kind === 'array' ? { kind: 'ptr', to: r.type.of } : r.type });
      }
    } catch (e) {
      if (!(e instanceof TypeError_)) throw e;
      const body: Stmt = { k: 'unsupported', what: e.message, line: lineOf(n) };
      return { name, line: lineOf(n), returns: INT, params: [], body };
    }
    const bodyNode = field(n, 'body') as Node;
    const body: Stmt = withBody ? this.stmt(bodyNode) : { k: 'unsupported', what: `function ${name} was not lowered`, line: lineOf(n) };
    return { name, line: lineOf(n), returns, params, body };
  }

  declarators(n: Node): Declarator[] {
    const t = field(n, 'type') as Node;
    const isStatic = kids(n).some((k) => k.type === 'storage_class_specifier' && k.text === 'static');
    const base = baseType(this.env, t, (x) => this.constOf(x));
    const out: Declarator[] = [];
    for (const d of n.childrenForFieldName('declarator')) {
      const valueNode = d.type === 'init_declarator' ? field(d, 'value') : null;
      const init = valueNode ? this.expr(valueNode) : null;
      const lengthFromInit = (): number | null => {
        if (!init) return null;
        if (init.k === 'str') return init.bytes.length;
        if (init.k === 'init') return init.items.length;
        return null;
      };
      const r = applyDeclarator(this.env, base, d, (x) => this.constOf(x), lengthFromInit);
      out.push({ name: r.name, type: r.type, init, line: lineOf(d), isStatic });
    }
    return out;
  }

  stmt(n: Node): Stmt {
    const line = lineOf(n);
    try {
      return this.stmtUnsafe(n, line);
    } catch (e) {
      if (e instanceof TypeError_) return { k: 'unsupported', what: e.message, line };
      throw e;
    }
  }

  private stmtUnsafe(n: Node, line: number): Stmt {
    if (n.hasError && n.type !== 'compound_statement') {
      return { k: 'unsupported', what: `the C parser could not read "${firstLine(n.text)}"`, line };
    }
    switch (n.type) {
      case 'compound_statement':
        return { k: 'block', body: this.stmtList(kids(n)), line };
      case 'declaration':
        return { k: 'decl', items: this.declarators(n), line };
      case 'expression_statement': {
        const e = kids(n)[0];
        return e ? { k: 'expr', expr: this.expr(e), line } : { k: 'empty', line };
      }
      case 'if_statement': {
        const alt = field(n, 'alternative');
        const altStmt = alt ? (alt.type === 'else_clause' ? kids(alt)[0] : alt) : null;
        return {
          k: 'if',
          test: this.expr(field(n, 'condition') as Node),
          then: this.stmt(field(n, 'consequence') as Node),
          else: altStmt ? this.stmt(altStmt) : null,
          line,
        };
      }
      case 'while_statement':
        return { k: 'while', test: this.expr(field(n, 'condition') as Node), body: this.stmt(field(n, 'body') as Node), line };
      case 'do_statement':
        return { k: 'do', body: this.stmt(field(n, 'body') as Node), test: this.expr(field(n, 'condition') as Node), line };
      case 'for_statement': {
        const init = field(n, 'initializer');
        const test = field(n, 'condition');
        const update = field(n, 'update');
        let initStmt: Stmt | null = null;
        if (init) initStmt = init.type === 'declaration' ? this.stmt(init) : { k: 'expr', expr: this.expr(init), line: lineOf(init) };
        return {
          k: 'for',
          init: initStmt,
          test: test ? this.expr(test) : null,
          update: update ? this.expr(update) : null,
          body: this.stmt(field(n, 'body') as Node),
          line,
        };
      }
      case 'return_statement': {
        const e = kids(n)[0];
        return { k: 'return', value: e ? this.expr(e) : null, line };
      }
      case 'break_statement':
        return { k: 'break', line };
      case 'continue_statement':
        return { k: 'continue', line };
      case 'goto_statement':
        return { k: 'goto', label: (field(n, 'label') as Node).text, line };
      case 'labeled_statement': {
        const labelId = field(n, 'label')?.id;
        const inner = kids(n).filter((k) => k.id !== labelId)[0];
        return { k: 'label', label: (field(n, 'label') as Node).text, body: inner ? this.stmt(inner) : { k: 'empty', line }, line };
      }
      case 'switch_statement': {
        const body: Stmt[] = [];
        const cases: { value: Expr | null; at: number }[] = [];
        for (const c of kids(field(n, 'body') as Node)) {
          if (c.type !== 'case_statement') {
            body.push(this.stmt(c));
            continue;
          }
          const v = field(c, 'value');
          cases.push({ value: v ? this.expr(v) : null, at: body.length });
          body.push(...this.stmtList(kids(c).filter((k) => k.id !== v?.id)));
        }
        return { k: 'switch', test: this.expr(field(n, 'condition') as Node), body, cases, line };
      }
      case 'type_definition':
        this.typedef(n);
        return { k: 'empty', line };
      case 'preproc_ifdef':
      case 'preproc_if':
      case 'preproc_else':
      case 'preproc_elif':
        return { k: 'block', body: this.stmtList(this.preprocBranch(n)), line };
      case 'preproc_def':
        this.define(n);
        return { k: 'empty', line };
      case ';':
        return { k: 'empty', line };
      default:
        return { k: 'unsupported', what: `${n.type.replace(/_/g, ' ')} "${firstLine(n.text)}"`, line };
    }
  }

  private stmtList(nodes: Node[]): Stmt[] {
    return nodes.filter((k) => k.type !== 'comment' && k.type !== 'preproc_include').map((k) => this.stmt(k));
  }
}

