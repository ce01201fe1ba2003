/** Expressions: C semantics on the machine's memory (LLP64 integers, pointer arithmetic, decay). */
import { WINSOCK_MACROS } from '../spec/winsock-constants';
import { wsaIdentifier } from '../spec/contracts';
import type { BinaryOp, Expr } from './ast';
import { LIBRARY_IDENTIFIERS } from './builtins';
import { callFunction } from './calls';
import type { CType } from './ctypes';
import { CHAR, INT, LLONG, UINT, ULLONG, VOIDP, arr, fieldOf, isScalar, ptr, sizeOf, typeName } from './ctypes';
import { initialize } from './init';
import type { Machine } from './machine';
import type { LValue, Value } from './values';
import { RunStop, commonType, elementSize, int, normalize, promote, scalar, truthy } from './values';

const MACRO_TYPES: Record<string, CType> = { int: INT, uint: UINT, u64: ULLONG, ptr: VOIDP };

/** Arrays decay to a pointer to their first element. */
export function decay(v: Value): Value {
  if (v.k === 'obj' && v.type.kind === 'array') return { k: 'int', type: ptr(v.type.of), v: BigInt(v.addr) };
  return v;
}

export async function rvalue(m: Machine, e: Expr): Promise<Value> {
  return decay(await value(m, e));
}

export async function value(m: Machine, e: Expr): Promise<Value> {
  switch (e.k) {
    case 'num':
      return { k: 'int', type: e.type, v: e.value };
    case 'str':
      return { k: 'obj', type: arr(CHAR, e.bytes.length), addr: stringAddress(m, e) };
    case 'id': {
      // As in C, a macro is not expanded again inside its own expansion.
      const macro = m.lookup(e.name) || m.expanding.has(e.name) ? undefined : m.program.macros.get(e.name);
      if (!macro) return identifier(m, e.name);
      m.expanding.add(e.name);
      try {
        return await value(m, macro);
      } finally {
        m.expanding.delete(e.name);
      }
    }
    case 'bin':
      return binary(e.op, await rvalue(m, e.left), await rvalue(m, e.right));
    case 'logic': {
      const l = truthy(await rvalue(m, e.left));
      if (e.op === '&&' ? !l : l) return int(e.op === '&&' ? 0 : 1);
      return int(truthy(await rvalue(m, e.right)) ? 1 : 0);
    }
    case 'unary': {
      const v = await rvalue(m, e.arg);
      const x = scalar(v, `operator ${e.op}`);
      if (e.op === '!') return int(x === 0n ? 1 : 0);
      const t = promote(v.type);
      return { k: 'int', type: t, v: normalize(e.op === '-' ? -x : e.op === '~' ? ~x : x, t) };
    }
    case 'deref':
    case 'field':
    case 'index':
      return m.load(await lvalue(m, e));
    case 'addr': {
      const lv = await lvalue(m, e.arg);
      return { k: 'int', type: ptr(lv.type), v: BigInt(lv.addr) };
    }
    case 'incdec': {
      const lv = await lvalue(m, e.arg);
      const old = m.load(lv);
      const delta = lv.type.kind === 'ptr' ? BigInt(elementSize(lv.type)) : 1n;
      const next = scalar(old, e.op) + (e.op === '++' ? delta : -delta);
      m.store(lv, { k: 'int', type: lv.type, v: next });
      return e.prefix ? m.load(lv) : old;
    }
    case 'assign': {
      const lv = await lvalue(m, e.left);
      let v = await value(m, e.right);
      if (e.op !== '=') v = binary(e.op.slice(0, -1) as BinaryOp, m.load(lv), decay(v));
      m.store(lv, convert(decay(v), lv.type));
      return m.load(lv);
    }
    case 'call':
      return callFunction(m, e);
    case 'cast': {
      const v = await rvalue(m, e.arg);
      if (e.type.kind === 'void') return int(0);
      if (!isScalar(e.type)) throw new RunStop(`cast to ${typeName(e.type)} is not supported`, e.line);
      return convert(v, e.type);
    }
    case 'sizeofType':
      return sizeValue(e.type, e.line);
    case 'sizeofExpr':
      return sizeValue(await typeOf(m, e.arg), e.line);
    case 'cond':
      return truthy(await rvalue(m, e.test)) ? rvalue(m, e.then) : rvalue(m, e.else);
    case 'comma':
      await value(m, e.left);
      return value(m, e.right);
    case 'compound': {
      const addr = m.allocate(e.type, `compound literal (line ${e.line})`);
      await initialize(m, { type: e.type, addr }, e.init);
      return m.load({ type: e.type, addr });
    }
    case 'init':
      throw new RunStop('an initializer list can only initialize a declaration', e.line);
    case 'unsupported':
      throw new RunStop(`not supported: ${e.what}`, e.line);
  }
}

function sizeValue(t: CType, line: number): Value {
  const s = sizeOf(t);
  if (s === null) throw new RunStop(`sizeof of incomplete type ${typeName(t)}`, line);
  return int(s, ULLONG);
}

function stringAddress(m: Machine, e: Extract<Expr, { k: 'str' }>): number {
  let addr = m.strings.get(e.id);
  if (addr === undefined) {
    addr = m.mem.alloc(e.bytes.length, 1, `string literal (line ${e.line})`, true);
    m.mem.write(addr, e.bytes);
    m.strings.set(e.id, addr);
  }
  return addr;
}

function identifier(m: Machine, name: string): Value {
  const lv = m.lookup(name);
  if (lv) return m.load(lv);
  const en = m.program.enums.get(name);
  if (en !== undefined) return int(en);
  const macro = WINSOCK_MACROS.get(name);
  if (macro) return { k: 'int', type: MACRO_TYPES[macro.type], v: normalize(macro.value, MACRO_TYPES[macro.type]) };
  const wsa = wsaIdentifier(name);
  if (wsa !== undefined) return int(wsa);
  const lib = LIBRARY_IDENTIFIERS.get(name);
  if (lib) return lib;
  throw new RunStop(`unknown identifier "${name}"`);
}

/** Values a name may have without evaluating anything (macros are expanded by the caller). */
export async function lvalue(m: Machine, e: Expr): Promise<LValue> {
  switch (e.k) {
    case 'id': {
      const lv = m.lookup(e.name);
      if (!lv) {
        if (m.program.macros.has(e.name)) return lvalue(m, m.program.macros.get(e.name) as Expr);
        throw new RunStop(`"${e.name}" is not a variable`, e.line);
      }
      return lv;
    }
    case 'deref': {
      const p = await rvalue(m, e.arg);
      if (p.type.kind !== 'ptr') throw new RunStop(`* applied to a ${typeName(p.type)}`, e.line);
      if (p.type.to.kind === 'void') throw new RunStop('dereferencing a void pointer', e.line);
      return { type: p.type.to, addr: Number(scalar(p, '*')) };
    }
    case 'field': {
      let base: LValue;
      if (e.arrow) {
        const p = await rvalue(m, e.arg);
        if (p.type.kind !== 'ptr') throw new RunStop(`-> applied to a ${typeName(p.type)}`, e.line);
        base = { type: p.type.to, addr: Number(scalar(p, '->')) };
      } else {
        const v = await value(m, e.arg);
        if (v.k !== 'obj') throw new RunStop(`.${e.name} applied to a ${typeName(v.type)}`, e.line);
        base = { type: v.type, addr: v.addr };
      }
      const f = fieldOf(base.type, e.name);
      if (!f) throw new RunStop(`${typeName(base.type)} has no member "${e.name}"`, e.line);
      return { type: f.type, addr: base.addr + f.offset };
    }
    case 'index': {
      const base = await rvalue(m, e.arg);
      const idx = scalar(await rvalue(m, e.index), 'array index');
      if (base.type.kind !== 'ptr') throw new RunStop(`[] applied to a ${typeName(base.type)}`, e.line);
      return { type: base.type.to, addr: Number(scalar(base, '[]') + idx * BigInt(elementSize(base.type))) };
    }
    case 'str':
      return { type: arr(CHAR, e.bytes.length), addr: stringAddress(m, e) };
    case 'compound': {
      const addr = m.allocate(e.type, `compound literal (line ${e.line})`);
      await initialize(m, { type: e.type, addr }, e.init);
      return { type: e.type, addr };
    }
    case 'call': {
      const v = await callFunction(m, e);
      if (v.k === 'obj') return { type: v.type, addr: v.addr };
      break;
    }
    case 'unsupported':
      throw new RunStop(`not supported: ${e.what}`, e.line);
    default:
      break;
  }
  throw new RunStop('this expression does not designate an object', e.line);
}

/** The type of an expression without evaluating it (for sizeof). */
export async function typeOf(m: Machine, e: Expr): Promise<CType> {
  if (e.k === 'id') {
    const lv = m.lookup(e.name);
    if (lv) return lv.type;
    const t = m.typedefs.get(e.name);
    if (t) return t;
  }
  if (e.k === 'str') return arr(CHAR, e.bytes.length);
  if (e.k === 'num' || e.k === 'cast') return e.k === 'num' ? e.type : e.type;
  if (e.k === 'deref' || e.k === 'field' || e.k === 'index') {
    // Computing the address has no side effects for the usual sizeof operands.
    return (await lvalue(m, e)).type;
  }
  return (await value(m, e)).type;
}

/** Converts a value for storage in (or a cast to) `type`. */
export function convert(v: Value, type: CType): Value {
  if (type.kind === 'struct' || type.kind === 'array') return v;
  const x = scalar(v, `conversion to ${typeName(type)}`);
  return { k: 'int', type, v: normalize(x, type) };
}

export function binary(op: BinaryOp, a: Value, b: Value): Value {
  const x = scalar(a, `operator ${op}`);
  const y = scalar(b, `operator ${op}`);
  const ap = a.type.kind === 'ptr';
  const bp = b.type.kind === 'ptr';
  if ((op === '+' || op === '-') && ap && !bp) {
    const step = BigInt(elementSize(a.type));
    return { k: 'int', type: a.type, v: normalize(op === '+' ? x + y * step : x - y * step, a.type) };
  }
  if (op === '+' && bp && !ap) return { k: 'int', type: b.type, v: normalize(y + x * BigInt(elementSize(b.type)), b.type) };
  if (op === '-' && ap && bp) return int((x - y) / BigInt(elementSize(a.type)), LLONG);
  const t = ap || bp ? ULLONG : op === '<<' || op === '>>' ? promote(a.type) : commonType(a.type, b.type);
  const cx = normalize(x, t);
  const cy = op === '<<' || op === '>>' ? y : normalize(y, t);
  switch (op) {
    case '==':
      return int(cx === cy ? 1 : 0);
    case '!=':
      return int(cx !== cy ? 1 : 0);
    case '<':
      return int(cx < cy ? 1 : 0);
    case '>':
      return int(cx > cy ? 1 : 0);
    case '<=':
      return int(cx <= cy ? 1 : 0);
    case '>=':
      return int(cx >= cy ? 1 : 0);
    case '+':
      return { k: 'int', type: t, v: normalize(cx + cy, t) };
    case '-':
      return { k: 'int', type: t, v: normalize(cx - cy, t) };
    case '*':
      return { k: 'int', type: t, v: normalize(cx * cy, t) };
    case '/':
    case '%':
      if (cy === 0n) throw new RunStop('division by zero');
      return { k: 'int', type: t, v: normalize(op === '/' ? cx / cy : cx % cy, t) };
    case '<<':
      return { k: 'int', type: t, v: normalize(cx << cy, t) };
    case '>>':
      return { k: 'int', type: t, v: normalize(cx >> cy, t) };
    case '&':
      return { k: 'int', type: t, v: normalize(cx & cy, t) };
    case '|':
      return { k: 'int', type: t, v: normalize(cx | cy, t) };
    case '^':
      return { k: 'int', type: t, v: normalize(cx ^ cy, t) };
  }
}
