/**
 * C types as the interpreter lays them out: Windows x64 (LLP64: int and long are 4 bytes, pointers and
 * SOCKET 8). The Winsock structures and typedefs are in ./winsock-types.ts.
 */
export interface Field {
  name: string;
  type: CType;
  offset: number;
  /** Another name for a member (a header macro such as `s_addr`): skipped by positional initializers. */
  alias?: boolean;
}

export type CType =
  | { kind: 'void' }
  | { kind: 'int'; size: 1 | 2 | 4 | 8; signed: boolean; name: string }
  | { kind: 'ptr'; to: CType }
  | { kind: 'array'; of: CType; length: number }
  /** fields null: declared but not defined (sizeof fails). Unions are structs whose fields share offset 0. */
  | { kind: 'struct'; name: string; size: number; align: number; fields: Field[] | null }
  | { kind: 'func'; name: string };

export const VOID: CType = { kind: 'void' };
const int = (size: 1 | 2 | 4 | 8, signed: boolean, name: string): CType => ({ kind: 'int', size, signed, name });
export const CHAR = int(1, true, 'char');
export const UCHAR = int(1, false, 'unsigned char');
export const SHORT = int(2, true, 'short');
export const USHORT = int(2, false, 'unsigned short');
export const INT = int(4, true, 'int');
export const UINT = int(4, false, 'unsigned int');
export const LLONG = int(8, true, 'long long');
export const ULLONG = int(8, false, 'unsigned long long');
export const SOCKET_T = int(8, false, 'SOCKET');
export const ptr = (to: CType): CType => ({ kind: 'ptr', to });
export const VOIDP = ptr(VOID);
export const arr = (of: CType, length: number): CType => ({ kind: 'array', of, length });

export function sizeOf(t: CType): number | null {
  switch (t.kind) {
    case 'void':
    case 'func':
      return null;
    case 'int':
      return t.size;
    case 'ptr':
      return 8;
    case 'array': {
      const e = sizeOf(t.of);
      return e === null ? null : e * t.length;
    }
    case 'struct':
      return t.fields === null ? null : t.size;
  }
}

export function alignOf(t: CType): number {
  switch (t.kind) {
    case 'int':
      return t.size;
    case 'ptr':
      return 8;
    case 'array':
      return alignOf(t.of);
    case 'struct':
      return t.align;
    default:
      return 1;
  }
}

/** Lays out fields in order (a struct), or all at offset 0 (a union). */
export function makeStruct(name: string, members: [string, CType][], union = false): CType {
  const fields: Field[] = [];
  let offset = 0;
  let align = 1;
  let size = 0;
  for (const [fname, ftype] of members) {
    const a = alignOf(ftype);
    align = Math.max(align, a);
    const fsize = sizeOf(ftype) ?? 0;
    if (union) {
      fields.push({ name: fname, type: ftype, offset: 0 });
      size = Math.max(size, fsize);
    } else {
      offset = Math.ceil(offset / a) * a;
      fields.push({ name: fname, type: ftype, offset });
      offset += fsize;
      size = offset;
    }
  }
  size = Math.ceil(size / align) * align;
  return { kind: 'struct', name, size, align, fields };
}

/** Primitive type words (`unsigned long int`) to a type. */
export function primitiveType(words: string[]): CType | null {
  const w = words.filter((x) => x !== 'signed' && x !== 'const' && x !== 'volatile');
  const unsigned = w.includes('unsigned');
  const rest = w.filter((x) => x !== 'unsigned');
  const longs = rest.filter((x) => x === 'long').length;
  const base = rest.filter((x) => x !== 'long' && x !== 'int');
  if (base.length > 1) return null;
  const b = base[0];
  if (b === 'void') return VOID;
  if (b === 'char') return unsigned ? UCHAR : CHAR;
  if (b === 'short') return unsigned ? USHORT : SHORT;
  if (b === 'bool' || b === '_Bool') return UCHAR;
  if (b === 'size_t') return ULLONG;
  if (b === 'float' || b === 'double') return null;
  if (b !== undefined) return null;
  if (longs >= 2) return unsigned ? ULLONG : LLONG;
  return unsigned ? UINT : INT;
}

export function typeName(t: CType): string {
  switch (t.kind) {
    case 'void':
      return 'void';
    case 'int':
      return t.name;
    case 'ptr':
      return `${typeName(t.to)} *`;
    case 'array':
      return `${typeName(t.of)}[${t.length}]`;
    case 'struct':
      return `struct ${t.name}`;
    case 'func':
      return `${t.name}()`;
  }
}

export function isScalar(t: CType): boolean {
  return t.kind === 'int' || t.kind === 'ptr';
}

export function fieldOf(t: CType, name: string): Field | undefined {
  return t.kind === 'struct' ? t.fields?.find((f) => f.name === name) : undefined;
}
