/** Statements, declarations and calls of the snippet file's own functions. */
import type { Declarator, FunctionDef, Stmt } from './ast';
import { convert, rvalue } from './evaluate';
import { initialize } from './init';
import type { Machine } from './machine';
import { MAX_CALL_DEPTH } from './machine';
import type { LValue, Value } from './values';
import { RunStop, int, scalar, truthy } from './values';

/** How a statement ended when it did not simply fall through. */
export type Signal = { t: 'break' } | { t: 'continue' } | { t: 'return'; value: Value | null } | { t: 'goto'; label: string } | null;

export async function declare(m: Machine, d: Declarator, scope: Map<string, LValue>, key: string): Promise<void> {
  if (d.type.kind === 'func') return;
  if (d.isStatic) {
    const existing = m.statics.get(key);
    if (existing) {
      scope.set(d.name, existing);
      return;
    }
  }
  const lv: LValue = { type: d.type, addr: m.allocate(d.type, `"${d.name}"`, d.isStatic) };
  if (d.isStatic) m.statics.set(key, lv);
  scope.set(d.name, lv);
  if (d.init) await initialize(m, lv, d.init);
}

export async function exec(m: Machine, s: Stmt): Promise<Signal> {
  m.step(s.line);
  switch (s.k) {
    case 'expr':
      await rvalue(m, s.expr);
      return null;
    case 'decl': {
      const scope = m.scopes[m.scopes.length - 1];
      for (const d of s.items) {
        m.line = d.line;
        await declare(m, d, scope, `${d.line}:${d.name}`);
      }
      return null;
    }
    case 'block':
      return block(m, s.body);
    case 'if':
      if (truthy(await rvalue(m, s.test))) return exec(m, s.then);
      return s.else ? exec(m, s.else) : null;
    case 'while':
      for (;;) {
        m.step(s.line);
        if (!truthy(await rvalue(m, s.test))) return null;
        const r = await exec(m, s.body);
        if (r?.t === 'break') return null;
        if (r && r.t !== 'continue') return r;
      }
    case 'do':
      for (;;) {
        m.step(s.line);
        const r = await exec(m, s.body);
        if (r?.t === 'break') return null;
        if (r && r.t !== 'continue') return r;
        if (!truthy(await rvalue(m, s.test))) return null;
      }
    case 'for': {
      m.scopes.push(new Map());
      const mark = m.mem.mark();
      try {
        if (s.init) await exec(m, s.init);
        for (;;) {
          m.step(s.line);
          if (s.test && !truthy(await rvalue(m, s.test))) return null;
          const r = await exec(m, s.body);
          if (r?.t === 'break') return null;
          if (r && r.t !== 'continue') return r;
          if (s.update) await rvalue(m, s.update);
        }
      } finally {
        m.scopes.pop();
        m.mem.release(mark);
      }
    }
    case 'return':
      return { t: 'return', value: s.value ? await rvalue(m, s.value) : null };
    case 'break':
      return { t: 'break' };
    case 'continue':
      return { t: 'continue' };
    case 'goto':
      return { t: 'goto', label: s.label };
    case 'label':
      return exec(m, s.body);
    case 'switch':
      return switchStmt(m, s);
    case 'empty':
      return null;
    case 'unsupported':
      throw new RunStop(`not supported: ${s.what}`, s.line);
  }
}

/** Runs a block in its own scope; a goto to a label of this block continues there. */
async function block(m: Machine, body: Stmt[], start = 0): Promise<Signal> {
  m.scopes.push(new Map());
  const mark = m.mem.mark();
  try {
    let i = start;
    while (i < body.length) {
      const r = await exec(m, body[i]);
      if (r?.t === 'goto') {
        const target = body.findIndex((x) => x.k === 'label' && x.label === r.label);
        if (target < 0) return r;
        i = target;
        continue;
      }
      if (r) return r;
      i++;
    }
    return null;
  } finally {
    m.scopes.pop();
    m.mem.release(mark);
  }
}

async function switchStmt(m: Machine, s: Extract<Stmt, { k: 'switch' }>): Promise<Signal> {
  const v = scalar(await rvalue(m, s.test), 'switch');
  let start = -1;
  for (const c of s.cases) {
    if (c.value === null) continue;
    if (scalar(await rvalue(m, c.value), 'case') === v) {
      start = c.at;
      break;
    }
  }
  if (start < 0) start = s.cases.find((c) => c.value === null)?.at ?? -1;
  if (start < 0) return null;
  const r = await block(m, s.body, start);
  return r?.t === 'break' ? null : r;
}

export async function callUser(m: Machine, f: FunctionDef, args: Value[], line: number): Promise<Value> {
  if (args.length !== f.params.length) throw new RunStop(`${f.name} takes ${f.params.length} argument(s), ${args.length} given`, line);
  if (m.depth >= MAX_CALL_DEPTH) throw new RunStop(`calls nested deeper than ${MAX_CALL_DEPTH} (runaway recursion?)`, line);
  const saved = m.scopes;
  const mark = m.mem.mark();
  m.scopes = [new Map()];
  m.depth++;
  try {
    for (const [i, p] of f.params.entries()) {
      const lv: LValue = { type: p.type, addr: m.allocate(p.type, `parameter "${p.name}"`) };
      m.store(lv, convert(args[i], p.type));
      if (p.name) m.scopes[0].set(p.name, lv);
    }
    const r = await exec(m, f.body);
    if (r?.t === 'goto') throw new RunStop(`goto ${r.label}: no such label in an enclosing block`, line);
    if (r?.t === 'return' && r.value) return f.returns.kind === 'void' ? int(0) : convert(r.value, f.returns);
    return int(0);
  } finally {
    m.depth--;
    m.scopes = saved;
    m.line = line;
    m.mem.release(mark);
  }
}
