/**
 * Types while lowering: typedefs and struct tags (the headers' and the file's own), base type
 * specifiers, declarators, and the constant expressions an array size needs.
 */
import type { Node } from 'web-tree-sitter';
import { WINSOCK_MACROS } from '../spec/winsock-constants';
import type { Expr } from './ast';
import type { CType } from './ctypes';
import { INT, alignOf, arr, makeStruct, primitiveType, ptr, sizeOf } from './ctypes';
import { STRUCT_TAGS, TYPEDEFS } from './winsock-types';

export class TypeError_ extends Error {}

export class TypeEnv {
  readonly typedefs = new Map<string, CType>(TYPEDEFS);
  readonly tags = new Map<string, CType>(STRUCT_TAGS);
  readonly enums = new Map<string, bigint>();
  readonly macros = new Map<string, Expr>();

  isTypeName(name: string): boolean {
    return this.typedefs.has(name);
  }
}

/** Named children without comments. */
export function kids(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/** The type a declaration's `type` node names; registers struct, union and enum definitions on the way. */
export function baseType(env: TypeEnv, node: Node, lowerConst: (n: Node) => bigint | null): CType {
  switch (node.type) {
    case 'primitive_type':
    case 'sized_type_specifier': {
      const words = node.text.split(/\s+/).filter((w) => w.length > 0);
      const named = node.type === 'sized_type_specifier' ? field(node, 'type') : null;
      if (named && named.type === 'type_identifier') {
        const t = env.typedefs.get(named.text);
        if (t) return t;
      }
      const t = primitiveType(words);
      if (!t) throw new TypeError_(`type "${node.text}" is not supported (no floating point)`);
      return t;
    }
    case 'type_identifier': {
      const t = env.typedefs.get(node.text);
      if (!t) throw new TypeError_(`unknown type "${node.text}"`);
      return t;
    }
    case 'struct_specifier':
    case 'union_specifier': {
      const name = field(node, 'name')?.text ?? `<anonymous ${node.type === 'union_specifier' ? 'union' : 'struct'}@${lineOf(node)}>`;
      const body = field(node, 'body');
      if (!body) {
        const known = env.tags.get(name);
        if (known) return known;
        const incomplete: CType = { kind: 'struct', name, size: 0, align: 1, fields: null };
        env.tags.set(name, incomplete);
        return incomplete;
      }
      const members: [string, CType][] = [];
      for (const fd of kids(body)) {
        if (fd.type !== 'field_declaration') throw new TypeError_(`line ${lineOf(fd)}: "${fd.text}" in a struct is not supported`);
        const t = field(fd, 'type');
        if (!t) continue;
        const base = baseType(env, t, lowerConst);
        for (const d of fd.childrenForFieldName('declarator')) {
          const r = applyDeclarator(env, base, d, lowerConst);
          members.push([r.name, r.type]);
        }
      }
      const t = makeStruct(name, members, node.type === 'union_specifier');
      env.tags.set(name, t);
      return t;
    }
    case 'enum_specifier': {
      const body = field(node, 'body');
      let next = 0n;
      for (const e of body ? kids(body) : []) {
        if (e.type !== 'enumerator') continue;
        const v = field(e, 'value');
        if (v) {
          const c = lowerConst(v);
          if (c === null) throw new TypeError_(`line ${lineOf(v)}: enumerator value "${v.text}" is not a constant`);
          next = c;
        }
        env.enums.set((field(e, 'name') as Node).text, next);
        next += 1n;
      }
      return INT;
    }
    default:
      throw new TypeError_(`type "${node.text}" is not supported`);
  }
}

/** Applies a (possibly abstract) declarator to a base type: pointers, arrays, the declared name. */
export function applyDeclarator(
  env: TypeEnv,
  base: CType,
  node: Node | null,
  lowerConst: (n: Node) => bigint | null,
  arrayLengthFromInit?: () => number | null,
): { name: string; type: CType } {
  if (node === null) return { name: '', type: base };
  switch (node.type) {
    case 'identifier':
    case 'field_identifier':
    case 'type_identifier':
      return { name: node.text, type: base };
    case 'pointer_declarator':
    case 'abstract_pointer_declarator':
      return applyDeclarator(env, ptr(base), field(node, 'declarator'), lowerConst, arrayLengthFromInit);
    case 'array_declarator':
    case 'abstract_array_declarator': {
      const size = field(node, 'size');
      let length: number | null;
      if (size) {
        const c = lowerConst(size);
        if (c === null) throw new TypeError_(`line ${lineOf(size)}: array size "${size.text}" is not a constant`);
        length = Number(c);
      } else length = arrayLengthFromInit ? arrayLengthFromInit() : null;
      if (length === null || length < 0) throw new TypeError_(`line ${lineOf(node)}: the array needs a size`);
      // Inner declarators bind tighter: `char *a[4]` is an array of pointers.
      return applyDeclarator(env, arr(base, length), field(node, 'declarator'), lowerConst);
    }
    case 'parenthesized_declarator':
      return applyDeclarator(env, base, kids(node)[0] ?? null, lowerConst, arrayLengthFromInit);
    case 'init_declarator':
      return applyDeclarator(env, base, field(node, 'declarator'), lowerConst, arrayLengthFromInit);
    case 'function_declarator': {
      const inner = field(node, 'declarator') as Node;
      // `int f(void)` declares a function; `int (*fp)(void)` a pointer to one.
      if (inner.type === 'identifier') return { name: inner.text, type: { kind: 'func', name: inner.text } };
      return applyDeclarator(env, { kind: 'func', name: inner.text }, inner, lowerConst);
    }
    default:
      throw new TypeError_(`line ${lineOf(node)}: declarator "${node.text}" is not supported`);
  }
}

/** Value of a constant expression (array sizes, enumerators, case labels), or null. */
export function constValue(env: TypeEnv, e: Expr): bigint | null {
  switch (e.k) {
    case 'num':
      return e.value;
    case 'id': {
      if (env.enums.has(e.name)) return env.enums.get(e.name) as bigint;
      const m = env.macros.get(e.name);
      if (m) return constValue(env, m);
      return WINSOCK_MACROS.get(e.name)?.value ?? null;
    }
    case 'sizeofType':
      return sizeOf(e.type) === null ? null : BigInt(sizeOf(e.type) as number);
    case 'cast':
      return constValue(env, e.arg);
    case 'unary': {
      const v = constValue(env, e.arg);
      if (v === null) return null;
      return e.op === '-' ? -v : e.op === '~' ? ~v : e.op === '!' ? (v === 0n ? 1n : 0n) : v;
    }
    case 'bin': {
      const a = constValue(env, e.left);
      const b = constValue(env, e.right);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return b === 0n ? null : a / b;
        case '%':
          return b === 0n ? null : a % b;
        case '<<':
          return a << b;
        case '>>':
          return a >> b;
        case '&':
          return a & b;
        case '|':
          return a | b;
        case '^':
          return a ^ b;
        default:
          return null;
      }
    }
    default:
      return null;
  }
}

export { alignOf };
