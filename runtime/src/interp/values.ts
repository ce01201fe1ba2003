/** Runtime values of the interpreter: scalars (integers and pointers) and objects in memory. */
import type { CType } from './ctypes';
import { INT, LLONG, UINT, ULLONG, sizeOf, typeName } from './ctypes';

export type Value =
  /** An integer or pointer (pointers are unsigned 64-bit addresses). */
  | { k: 'int'; type: CType; v: bigint }
  /** A struct or array, by its address. */
  | { k: 'obj'; type: CType; addr: number };

export interface LValue {
  type: CType;
  addr: number;
}

/** Stops the run: the message names what the snippet did; the interpreter adds the line. */
export class RunStop extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

export function int(v: bigint | number, type: CType = INT): Value {
  return { k: 'int', type, v: normalize(typeof v === 'number' ? BigInt(v) : v, type) };
}

/** Wraps a value to the width and signedness of `type`. */
export function normalize(v: bigint, type: CType): bigint {
  if (type.kind === 'int') return type.signed ? BigInt.asIntN(type.size * 8, v) : BigInt.asUintN(type.size * 8, v);
  if (type.kind === 'ptr') return BigInt.asUintN(64, v);
  return v;
}

export function scalar(v: Value, what: string): bigint {
  if (v.k === 'obj') throw new RunStop(`${what}: a ${typeName(v.type)} is not a number`);
  return v.v;
}

export function truthy(v: Value): boolean {
  return scalar(v, 'condition') !== 0n;
}

/** Integer promotion and the usual arithmetic conversions (LLP64). */
export function commonType(a: CType, b: CType): CType {
  const size = (t: CType): number => (t.kind === 'int' ? Math.max(t.size, 4) : 8);
  const unsigned = (t: CType): boolean => (t.kind === 'int' ? !t.signed && t.size >= 4 : true);
  const sa = size(a);
  const sb = size(b);
  if (sa === 8 || sb === 8) {
    if ((sa === 8 && unsigned(a)) || (sb === 8 && unsigned(b))) return ULLONG;
    return LLONG;
  }
  return unsigned(a) || unsigned(b) ? UINT : INT;
}

export function promote(t: CType): CType {
  return t.kind === 'int' && t.size < 4 ? INT : t;
}

export function elementSize(t: CType): number {
  if (t.kind !== 'ptr') return 1;
  const s = sizeOf(t.to);
  return s === null || s === 0 ? 1 : s;
}
