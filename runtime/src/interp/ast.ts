/**
 * The interpreter's own syntax tree, lowered once from the tree-sitter C tree: plain objects, types
 * already resolved, and anything the interpreter does not support kept as an `unsupported` node that
 * stops the run (with its line) only if it is reached.
 */
import type { CType } from './ctypes';

interface At {
  /** 1-based line. */
  line: number;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^' | '==' | '!=' | '<' | '>' | '<=' | '>=';
export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '<<=' | '>>=' | '&=' | '|=' | '^=';

export type Expr = At &
  (
    | { k: 'num'; value: bigint; type: CType }
    | { k: 'str'; bytes: Uint8Array; id: number }
    | { k: 'id'; name: string }
    | { k: 'bin'; op: BinaryOp; left: Expr; right: Expr }
    | { k: 'logic'; op: '&&' | '||'; left: Expr; right: Expr }
    | { k: 'unary'; op: '-' | '+' | '!' | '~'; arg: Expr }
    | { k: 'deref'; arg: Expr }
    | { k: 'addr'; arg: Expr }
    | { k: 'incdec'; op: '++' | '--'; prefix: boolean; arg: Expr }
    | { k: 'assign'; op: AssignOp; left: Expr; right: Expr }
    /** `callee` is the function name, or the WSP name a `x->lpWSPConnect(...)` call stands for. */
    | { k: 'call'; callee: string; args: Expr[]; text: string }
    | { k: 'field'; arg: Expr; name: string; arrow: boolean }
    | { k: 'index'; arg: Expr; index: Expr }
    | { k: 'cast'; type: CType; arg: Expr }
    | { k: 'sizeofType'; type: CType }
    | { k: 'sizeofExpr'; arg: Expr }
    | { k: 'cond'; test: Expr; then: Expr; else: Expr }
    | { k: 'comma'; left: Expr; right: Expr }
    | { k: 'init'; items: InitItem[] }
    | { k: 'compound'; type: CType; init: Expr }
    | { k: 'unsupported'; what: string }
  );

/** One entry of an initializer list; `path` holds designators (`.sin_family`, `[3]`). */
export interface InitItem {
  path: ({ field: string } | { index: Expr })[];
  value: Expr;
}

export interface Declarator {
  name: string;
  type: CType;
  init: Expr | null;
  line: number;
  isStatic: boolean;
}

export type Stmt = At &
  (
    | { k: 'expr'; expr: Expr }
    | { k: 'decl'; items: Declarator[] }
    | { k: 'block'; body: Stmt[] }
    | { k: 'if'; test: Expr; then: Stmt; else: Stmt | null }
    | { k: 'while'; test: Expr; body: Stmt }
    | { k: 'do'; body: Stmt; test: Expr }
    | { k: 'for'; init: Stmt | null; test: Expr | null; update: Expr | null; body: Stmt }
    | { k: 'return'; value: Expr | null }
    | { k: 'break' }
    | { k: 'continue' }
    | { k: 'goto'; label: string }
    | { k: 'label'; label: string; body: Stmt }
    /** `cases[i]` labels statement `body[i]`; null is `default`. */
    | { k: 'switch'; test: Expr; body: Stmt[]; cases: { value: Expr | null; at: number }[] }
    | { k: 'empty' }
    | { k: 'unsupported'; what: string }
  );

export interface FunctionDef {
  name: string;
  line: number;
  returns: CType;
  params: { name: string; type: CType }[];
  body: Stmt;
}

export interface Program {
  functions: Map<string, FunctionDef>;
  globals: Declarator[];
  /** Object-like macros from `#define NAME VALUE`. */
  macros: Map<string, Expr>;
  /** Function-like macros: only their names, to say they are not supported. */
  functionMacros: Set<string>;
  enums: Map<string, bigint>;
}
