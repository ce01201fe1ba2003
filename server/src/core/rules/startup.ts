import type { Node } from 'web-tree-sitter';
import { field, typeOf, textOf, parentOf } from '../flow/node-cache';
import { argsOf, calleeName, strip } from '../flow/eval';
import { namedDescendants } from '../flow/walk';
import type { FunctionInfo } from '../model/functions';
import { PROC_TABLE_FIELDS } from '../spec/contracts';
import { conventionOf } from './convention';
import { paramName, type ImplCheck, type RawFinding, type Rule } from './rule';

const COPIES = new Set(['memcpy', 'memmove', 'CopyMemory', 'RtlCopyMemory', 'MoveMemory', 'RtlMoveMemory']);
const ASSIGNMENT: ReadonlySet<string> = new Set(['assignment_expression']);
const CALL: ReadonlySet<string> = new Set(['call_expression']);
const IDENTIFIER: ReadonlySet<string> = new Set(['identifier']);
const UNUSED_MARKERS = /^(UNREFERENCED_PARAMETER|DBG_UNREFERENCED_PARAMETER|UNUSED|UNUSED_PARAM)$/;

/**
 * WSPStartup "must fill in" the WSPPROC_TABLE it returns: ws2_32 calls through every entry, so a
 * missing one is a jump through NULL. Entries come from stores through lpProcTable, a copy of a table
 * filled elsewhere in the run, or a helper that fills it; handing the table to code we cannot see (the
 * lower provider's WSPStartup) counts as filling it.
 */
export const procTableIncomplete: Rule = {
  id: 'proc-table-incomplete',
  check(c: ImplCheck): RawFinding[] {
    if (c.contract.name !== 'WSPStartup') return [];
    const at = c.contract.params.findIndex((p) => p.name === 'lpProcTable');
    const table = paramName(c, at);
    const conv = conventionOf(c.contract);
    const succeeds = c.events.some((e) => e.kind === 'return' && e.cands?.some((x) => conv.isSuccess(x.val)));
    if (!succeeds) return [];
    const filled = filledEntries(c, c.fn, table, 0);
    if (filled === 'all') return [];
    const missing = PROC_TABLE_FIELDS.map((f) => f.field).filter((f) => !filled.has(f));
    if (missing.length === 0) return [];
    const name = nameNode(c.fn);
    return [{
      rule: 'proc-table-incomplete',
      start: name.startIndex,
      end: name.endIndex,
      message: `${c.fn.name} returns success without filling ${missing.length} ${missing.length === 1 ? 'entry' : 'entries'} of ${table}: ${missing.join(', ')}`,
      steps: [],
    }];
  },
};

function filledEntries(c: ImplCheck, fn: FunctionInfo, table: string, depth: number): Set<string> | 'all' {
  const filled = new Set<string>();
  const tableRe = new RegExp(`^\\(?\\*?${table}\\)?$`);
  for (const ins of c.run.installs) if (ins.path === fn.path && within(ins.node, fn.node) && (ins.table === table || ins.table === `(*${table})`)) filled.add(ins.entry);
  for (const a of namedDescendants(fn.body, ASSIGNMENT)) {
    const left = strip(field(a, 'left') ?? null);
    if (!a || !left) continue;
    // A NULL entry is not filled: "WSAEINVALIDPROCTABLE: The procedure call table is invalid" (a NULL pointer in it).
    const isNull = /^\(?\s*(NULL|0|nullptr)\s*\)?$/.test(textOf(field(a, 'right')) ?? '');
    if (typeOf(left) === 'field_expression' && !isNull && tableRe.test((textOf(field(left, 'argument')) ?? '').replace(/\s+/g, ''))) filled.add(textOf(field(left, 'field')) ?? '');
    // `*lpProcTable = gProcTable;`
    if (typeOf(left) === 'pointer_expression' && textOf(strip(field(left, 'argument'))) === table) {
      for (const e of globalTableEntries(c, field(a, 'right'))) filled.add(e);
    }
  }
  for (const call of namedDescendants(fn.body, CALL)) {
    if (!call) continue;
    const args = argsOf(call);
    const j = args.findIndex((x) => textOf(strip(x)) === table);
    if (j < 0) continue;
    const name = calleeName(call) ?? '';
    if (COPIES.has(name) && j === 0) {
      for (const e of globalTableEntries(c, args[1] ?? null)) filled.add(e);
      continue;
    }
    const helper = c.run.functionsNamed(name).find((f) => f.params.length === args.length);
    if (!helper) return 'all'; // the lower provider's WSPStartup (or other unseen code) fills it
    if (depth < 4) {
      const inner = filledEntries(c, helper, helper.params[j]?.name ?? '', depth + 1);
      if (inner === 'all') return 'all';
      for (const e of inner) filled.add(e);
    }
  }
  return filled;
}

/**
 * Entries of a table copied into lpProcTable. A table the run never fills entry by entry was filled by
 * code we cannot see (the lower provider's WSPStartup, through a local or a global): all of them.
 */
function globalTableEntries(c: ImplCheck, src: Node | null): string[] {
  const name = (textOf(strip(src)) ?? '').replace(/^&/, '').replace(/\s+/g, '');
  if (!name) return [];
  const own = c.run.installs.filter((i) => i.table === name).map((i) => i.entry);
  return own.length ? own : PROC_TABLE_FIELDS.map((f) => f.field);
}

function within(n: Node, outer: Node): boolean {
  return n.startIndex >= outer.startIndex && n.endIndex <= outer.endIndex;
}

function nameNode(fn: FunctionInfo): Node {
  const ids = fn.node.descendantsOfType(['identifier', 'field_identifier', 'qualified_identifier']);
  return ids.find((n) => n && n.endIndex <= fn.body.startIndex && textOf(n).split('::').pop() === fn.name) ?? fn.node;
}

/** Uses of a parameter beyond `UNREFERENCED_PARAMETER(x)`. */
function used(fn: FunctionInfo, name: string): Node[] {
  return namedDescendants(fn.body, IDENTIFIER).filter((id) => {
    if (!id || textOf(id) !== name) return false;
    const call = parentOf(parentOf(id));
    return !(!!call && typeOf(call) === 'call_expression' && UNUSED_MARKERS.test(calleeName(call) ?? ''));
  });
}

/** "Upon entry to WSPStartup, the Windows Sockets service provider examines the version requested by the client." */
export const startupVersionUnchecked: Rule = {
  id: 'startup-version-unchecked',
  check(c: ImplCheck): RawFinding[] {
    if (c.contract.name !== 'WSPStartup') return [];
    const version = paramName(c, 0);
    const checked = used(c.fn, version).some((id) => {
      for (let p: Node | null = id.parent; p && p !== c.fn.body; p = p.parent) {
        if (typeOf(p) === 'binary_expression' && /^(==|!=|<|>|<=|>=)$/.test(textOf(field(p, 'operator')) ?? '')) return true;
        if (/^(if|switch|while)_statement$|condition_clause|conditional_expression/.test(typeOf(p))) return true;
        if (typeOf(p) === 'argument_list' || typeOf(p) === 'assignment_expression' || typeOf(p) === 'init_declarator') return true;
      }
      return false;
    });
    if (checked) return [];
    const n = nameNode(c.fn);
    return [{ rule: 'startup-version-unchecked', start: n.startIndex, end: n.endIndex, message: `${c.fn.name} never looks at ${version}: it must check the requested version and fail with WSAVERNOTSUPPORTED when it cannot support it`, steps: [] }];
  },
};

/** The upcall table is the provider's only way back into ws2_32 (WPUCreateSocketHandle, WPUQuerySocketHandleContext...). */
export const startupUpcallNotStored: Rule = {
  id: 'startup-upcall-not-stored',
  check(c: ImplCheck): RawFinding[] {
    if (c.contract.name !== 'WSPStartup') return [];
    const at = c.contract.params.findIndex((p) => p.name === 'UpcallTable');
    if (at < 0) return [];
    const upcalls = paramName(c, at);
    if (used(c.fn, upcalls).length > 0) return [];
    const n = nameNode(c.fn);
    return [{ rule: 'startup-upcall-not-stored', start: n.startIndex, end: n.endIndex, message: `${c.fn.name} never keeps ${upcalls}: without the upcall table the provider cannot call back into ws2_32`, steps: [] }];
  },
};
