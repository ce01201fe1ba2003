/** Initializers: scalars, string literals into char arrays, braced lists with designators and brace elision. */
import type { Expr, InitItem } from './ast';
import type { CType, Field } from './ctypes';
import { sizeOf, typeName } from './ctypes';
import { convert, rvalue, value } from './evaluate';
import type { Machine } from './machine';
import type { LValue } from './values';
import { RunStop, scalar } from './values';

export async function initialize(m: Machine, lv: LValue, init: Expr): Promise<void> {
  const t = lv.type;
  if (init.k === 'init') {
    if (t.kind === 'struct' || t.kind === 'array') {
      await fillList(m, lv, init.items);
      return;
    }
    // `int x = { 5 };`
    if (init.items.length > 0) await initialize(m, lv, init.items[0].value);
    return;
  }
  if (t.kind === 'array' && init.k === 'str' && t.of.kind === 'int' && t.of.size === 1) {
    const n = Math.min(t.length, init.bytes.length);
    m.mem.write(lv.addr, init.bytes.slice(0, n));
    return;
  }
  if (t.kind === 'array') throw new RunStop(`an array (${typeName(t)}) needs a braced initializer`, init.line);
  const v = t.kind === 'struct' ? await value(m, init) : await rvalue(m, init);
  m.store(lv, convert(v, t));
}

/** Members a positional initializer walks through: struct fields (not aliases), a union's first member, array elements. */
function members(t: CType): { type: CType; offset: number; name: string | null }[] {
  if (t.kind === 'array') {
    const size = sizeOf(t.of) ?? 0;
    return Array.from({ length: t.length }, (_, i) => ({ type: t.of, offset: i * size, name: null }));
  }
  if (t.kind !== 'struct' || t.fields === null) return [];
  const real = t.fields.filter((f: Field) => !f.alias);
  const isUnion = real.length > 1 && real.every((f) => f.offset === 0);
  return (isUnion ? real.slice(0, 1) : real).map((f) => ({ type: f.type, offset: f.offset, name: f.name }));
}

function isAggregate(t: CType): boolean {
  return t.kind === 'struct' || t.kind === 'array';
}

async function fillList(m: Machine, lv: LValue, items: InitItem[]): Promise<void> {
  const queue = [...items];
  await fillFrom(m, lv, queue, true);
  if (queue.length > 0) throw new RunStop(`too many initializers for ${typeName(lv.type)}`, queue[0].value.line);
}

/**
 * Initializes the members of `lv` from the front of `queue`. `braced`: the list belongs to this object
 * (otherwise brace elision: stop at the object's end and leave the rest to the enclosing list).
 */
async function fillFrom(m: Machine, lv: LValue, queue: InitItem[], braced: boolean): Promise<void> {
  const list = members(lv.type);
  let at = 0;
  while (queue.length > 0) {
    const item = queue[0];
    if (item.path.length > 0) {
      if (!braced) return;
      const [first, ...rest] = item.path;
      const target = await designate(m, lv, first, item.value.line);
      at = target.index + 1;
      queue.shift();
      await initialize(m, target.lv, rest.length ? { k: 'init', items: [{ path: rest, value: item.value }], line: item.value.line } : item.value);
      continue;
    }
    if (at >= list.length) return;
    const mem = list[at++];
    const sub: LValue = { type: mem.type, addr: lv.addr + mem.offset };
    const elided = isAggregate(mem.type) && item.value.k !== 'init' && !(item.value.k === 'str' && mem.type.kind === 'array') && !(await sameStruct(m, item.value, mem.type));
    if (elided) {
      await fillFrom(m, sub, queue, false);
      continue;
    }
    queue.shift();
    await initialize(m, sub, item.value);
  }
}

async function sameStruct(m: Machine, e: Expr, t: CType): Promise<boolean> {
  if (t.kind !== 'struct') return false;
  if (e.k === 'num' || e.k === 'str') return false;
  if (e.k === 'id' || e.k === 'field' || e.k === 'deref' || e.k === 'index' || e.k === 'compound') {
    const v = await value(m, e);
    return v.k === 'obj' && v.type.kind === 'struct' && sizeOf(v.type) === sizeOf(t);
  }
  return false;
}

async function designate(
  m: Machine,
  lv: LValue,
  d: InitItem['path'][number],
  line: number,
): Promise<{ lv: LValue; index: number }> {
  const list = members(lv.type);
  if ('field' in d) {
    const t = lv.type;
    const f = t.kind === 'struct' ? t.fields?.find((x) => x.name === d.field) : undefined;
    if (!f) throw new RunStop(`${typeName(lv.type)} has no member "${d.field}"`, line);
    const index = list.findIndex((x) => x.name === d.field);
    return { lv: { type: f.type, addr: lv.addr + f.offset }, index: index < 0 ? list.length : index };
  }
  if (lv.type.kind !== 'array') throw new RunStop(`[index] designator on a ${typeName(lv.type)}`, line);
  const i = Number(scalar(await rvalue(m, d.index), 'designator'));
  if (i < 0 || i >= lv.type.length) throw new RunStop(`designator [${i}] is outside ${typeName(lv.type)}`, line);
  return { lv: { type: lv.type.of, addr: lv.addr + i * (sizeOf(lv.type.of) ?? 0) }, index: i };
}
