/** Lowers C expressions (and the literals and type descriptors in them) into the interpreter's tree. */
import type { Node } from 'web-tree-sitter';
import type { AssignOp, BinaryOp, Expr, InitItem } from './ast';
import type { CType } from './ctypes';
import { INT, LLONG, UINT, ULLONG } from './ctypes';
import { TypeEnv, TypeError_, applyDeclarator, baseType, constValue, field, kids, lineOf } from './lower-types';

const BINARY = new Set(['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '==', '!=', '<', '>', '<=', '>=']);
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=']);

export class ExprLowerer {
  readonly env = new TypeEnv();
  private strings = 0;

  constOf(n: Node): bigint | null {
    return constValue(this.env, this.expr(n));
  }

  expr(n: Node): Expr {
    const line = lineOf(n);
    try {
      return this.exprUnsafe(n, line);
    } catch (e) {
      if (e instanceof TypeError_) return { k: 'unsupported', what: e.message, line };
      throw e;
    }
  }

  private exprUnsafe(n: Node, line: number): Expr {
    if (n.type === 'ERROR' || n.isMissing) return { k: 'unsupported', what: `the C parser could not read "${firstLine(n.text)}"`, line };
    switch (n.type) {
      case 'number_literal': {
        const v = parseInteger(n.text);
        if (!v) return { k: 'unsupported', what: `number "${n.text}" (floating point is not supported)`, line };
        return { k: 'num', value: v.value, type: v.type, line };
      }
      case 'char_literal': {
        const bytes = decodeString(kids(n));
        return { k: 'num', value: BigInt(bytes.length ? (bytes[0] << 24) >> 24 : 0), type: INT, line };
      }
      case 'string_literal':
      case 'concatenated_string': {
        const parts = n.type === 'string_literal' ? [n] : kids(n).filter((k) => k.type === 'string_literal');
        const chunks = parts.map((p) => decodeString(kids(p)));
        const total = chunks.reduce((a, c) => a + c.length, 0);
        const bytes = new Uint8Array(total + 1);
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.length;
        }
        return { k: 'str', bytes, id: this.strings++, line };
      }
      case 'true':
        return { k: 'num', value: 1n, type: INT, line };
      case 'false':
        return { k: 'num', value: 0n, type: INT, line };
      case 'null':
        return { k: 'id', name: 'NULL', line };
      case 'identifier':
        return { k: 'id', name: n.text, line };
      case 'parenthesized_expression': {
        const inner = kids(n)[0];
        return inner ? this.expr(inner) : { k: 'unsupported', what: 'empty parentheses', line };
      }
      case 'binary_expression':
        return this.binary(n, line);
      case 'unary_expression': {
        const op = (field(n, 'operator') as Node).text as '-' | '+' | '!' | '~';
        return { k: 'unary', op, arg: this.expr(field(n, 'argument') as Node), line };
      }
      case 'pointer_expression': {
        const op = (field(n, 'operator') as Node).text;
        const arg = this.expr(field(n, 'argument') as Node);
        return op === '&' ? { k: 'addr', arg, line } : { k: 'deref', arg, line };
      }
      case 'update_expression': {
        const opNode = field(n, 'operator') as Node;
        const arg = field(n, 'argument') as Node;
        return { k: 'incdec', op: opNode.text as '++' | '--', prefix: opNode.startIndex < arg.startIndex, arg: this.expr(arg), line };
      }
      case 'assignment_expression': {
        const op = (field(n, 'operator') as Node).text;
        if (!ASSIGN.has(op)) return { k: 'unsupported', what: `operator ${op}`, line };
        return { k: 'assign', op: op as AssignOp, left: this.expr(field(n, 'left') as Node), right: this.expr(field(n, 'right') as Node), line };
      }
      case 'call_expression':
        return this.call(n, line);
      case 'field_expression':
        return {
          k: 'field',
          arg: this.expr(field(n, 'argument') as Node),
          name: (field(n, 'field') as Node).text,
          arrow: (field(n, 'operator') as Node).text === '->',
          line,
        };
      case 'subscript_expression': {
        const index = field(n, 'index') ?? kids(field(n, 'indices') ?? n)[1];
        return { k: 'index', arg: this.expr(field(n, 'argument') as Node), index: this.expr(index as Node), line };
      }
      case 'cast_expression':
        return { k: 'cast', type: this.typeDescriptor(field(n, 'type') as Node), arg: this.expr(field(n, 'value') as Node), line };
      case 'sizeof_expression': {
        const t = field(n, 'type');
        if (t) return { k: 'sizeofType', type: this.typeDescriptor(t), line };
        return { k: 'sizeofExpr', arg: this.expr(field(n, 'value') as Node), line };
      }
      case 'conditional_expression':
        return {
          k: 'cond',
          test: this.expr(field(n, 'condition') as Node),
          then: this.expr(field(n, 'consequence') as Node),
          else: this.expr(field(n, 'alternative') as Node),
          line,
        };
      case 'comma_expression':
        return { k: 'comma', left: this.expr(field(n, 'left') as Node), right: this.expr(field(n, 'right') as Node), line };
      case 'initializer_list':
        return { k: 'init', items: kids(n).map((c) => this.initItem(c)), line };
      case 'compound_literal_expression':
        return { k: 'compound', type: this.typeDescriptor(field(n, 'type') as Node), init: this.expr(field(n, 'value') as Node), line };
      default:
        return { k: 'unsupported', what: `${n.type.replace(/_/g, ' ')} "${firstLine(n.text)}"`, line };
    }
  }

  private initItem(c: Node): InitItem {
    if (c.type !== 'initializer_pair') return { path: [], value: this.expr(c) };
    const path: InitItem['path'] = [];
    for (const d of c.childrenForFieldName('designator')) {
      if (d.type === 'field_designator') path.push({ field: kids(d)[0].text });
      else if (d.type === 'subscript_designator') path.push({ index: this.expr(kids(d)[0]) });
      else if (d.type === 'field_identifier') path.push({ field: d.text });
    }
    return { path, value: this.expr(field(c, 'value') as Node) };
  }

  private binary(n: Node, line: number): Expr {
    const op = (field(n, 'operator') as Node).text;
    const left = field(n, 'left') as Node;
    const right = field(n, 'right') as Node;
    // `(DWORD)-1` parses as a subtraction because the parser does not know DWORD is a type.
    const castType = this.parenthesizedTypeName(left);
    if (castType && (op === '-' || op === '+' || op === '*' || op === '&')) {
      const r = this.expr(right);
      const arg: Expr = op === '-' || op === '+' ? { k: 'unary', op, arg: r, line } : op === '*' ? { k: 'deref', arg: r, line } : { k: 'addr', arg: r, line };
      return { k: 'cast', type: castType, arg, line };
    }
    if (op === '&&' || op === '||') return { k: 'logic', op, left: this.expr(left), right: this.expr(right), line };
    if (!BINARY.has(op)) return { k: 'unsupported', what: `operator ${op}`, line };
    return { k: 'bin', op: op as BinaryOp, left: this.expr(left), right: this.expr(right), line };
  }

  private parenthesizedTypeName(n: Node): CType | null {
    if (n.type !== 'parenthesized_expression') return null;
    const inner = kids(n);
    if (inner.length !== 1 || inner[0].type !== 'identifier') return null;
    return this.env.typedefs.get(inner[0].text) ?? null;
  }

  private call(n: Node, line: number): Expr {
    const fn = field(n, 'function') as Node;
    const args = kids(field(n, 'arguments') as Node).map((a) => this.expr(a));
    const castType = this.parenthesizedTypeName(fn);
    if (castType && args.length === 1) return { k: 'cast', type: castType, arg: args[0], line };
    if (fn.type === 'identifier') return { k: 'call', callee: fn.text, args, text: fn.text, line };
    // Calls through a WSPPROC_TABLE member (`NextProcTable.lpWSPConnect(...)`) reach the same function.
    if (fn.type === 'field_expression') {
      const member = (field(fn, 'field') as Node).text;
      if (/^lpWSP[A-Z]/.test(member)) return { k: 'call', callee: member.slice(2), args, text: fn.text, line };
    }
    return { k: 'unsupported', what: `call through "${firstLine(fn.text)}" (only named functions and WSPPROC_TABLE members are called)`, line };
  }

  typeDescriptor(n: Node): CType {
    const base = baseType(this.env, field(n, 'type') as Node, (x) => this.constOf(x));
    return applyDeclarator(this.env, base, field(n, 'declarator'), (x) => this.constOf(x)).type;
  }
}

export function firstLine(text: string): string {
  const l = text.split('\n')[0];
  return l.length > 60 ? `${l.slice(0, 57)}...` : l;
}

/** A C integer literal with its type (LLP64: `L` stays 32-bit, `LL` is 64-bit). */
export function parseInteger(text: string): { value: bigint; type: CType } | null {
  // The grammar reads `-1` in an argument list as one literal.
  if (text.startsWith('-')) {
    const v = parseInteger(text.slice(1).trim());
    return v ? { value: -v.value, type: v.type } : null;
  }
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text.replace(/'/g, ''));
  if (!m) return null;
  const digits = m[1];
  let value: bigint;
  if (/^0[xX]/.test(digits) || /^0[bB]/.test(digits)) value = BigInt(digits);
  else if (digits.length > 1 && digits.startsWith('0')) value = BigInt(`0o${digits.slice(1)}`);
  else value = BigInt(digits);
  const suffix = m[2].toLowerCase();
  const unsigned = suffix.includes('u');
  const wide = suffix.includes('ll');
  const decimal = !/^0/.test(digits) || digits === '0';
  let type: CType;
  if (!wide && !unsigned && value <= 0x7fffffffn) type = INT;
  else if (!wide && (unsigned || !decimal) && value <= 0xffffffffn) type = UINT;
  else if (!unsigned && value <= 0x7fffffffffffffffn) type = LLONG;
  else type = ULLONG;
  return { value, type };
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11, '?': 63 };

/** Bytes of a string or character literal's content (escape sequences decoded). */
function decodeString(parts: Node[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (p.type === 'escape_sequence') {
      const body = p.text.slice(1);
      if (/^x[0-9a-fA-F]+$/.test(body)) out.push(parseInt(body.slice(1), 16) & 0xff);
      else if (/^[0-7]{1,3}$/.test(body)) out.push(parseInt(body, 8) & 0xff);
      else out.push(ESCAPES[body] ?? body.charCodeAt(0));
    } else if (p.type === 'string_content' || p.type === 'character') {
      for (const b of Buffer.from(p.text, 'utf8')) out.push(b);
    }
  }
  return Uint8Array.from(out);
}

