import type { Node } from 'web-tree-sitter';
import { field, typeOf, textOf, named, parentOf } from '../flow/node-cache';
import type { ExploreCtx } from '../flow/context';
import { paramOf, strip } from '../flow/eval';
import { lenMention } from '../flow/scan';
import { bit, type State } from '../flow/state';
import { Once, paramName, pathTo, type ImplCheck, type RawFinding, type Rule } from './rule';
import { shorten } from '../flow/text';

/**
 * "The lpCalleeData->len initially contains the length of the buffer allocated by the Winsock SPI
 * client and pointed to by lpCalleeData->buf." A copy into that buffer must be bounded by it.
 */
export const calleeUnboundedCopy: Rule = (() => ({
    id: 'callee-unbounded-copy' as const,
    check(c: ImplCheck): RawFinding[] {
    const k = c.connect;
    if (!k) return [];
      const out: RawFinding[] = [];
      const once = new Once();
      const callee = k.callee;
      const name = paramName(c, callee);
      // paramOf only needs the parameter names of the implementation.
      const x = { params: c.params } as ExploreCtx;
      for (const e of c.events) {
        if (e.kind === 'copy') {
          if (!intoCalleeBuf(x, e.dst, e.st, callee)) continue;
          if (bounded(x, e.len, e.st, callee)) continue;
          if (!once.first(`${e.node.id}`)) continue;
          out.push({
            rule: 'callee-unbounded-copy',
            start: e.node.startIndex,
            end: e.node.endIndex,
            message: `${e.fn} copies into ${name}->buf ${e.len ? `${shorten(textOf(e.len), 40)} bytes` : 'a whole string'} without bounding it by ${name}->len (the size of the caller's buffer)`,
            steps: pathTo(c, e, [], e.node.startIndex, `copy into ${name}->buf not bounded by ${name}->len`),
            fix: e.len ? { kind: 'bound-copy', lenStartOffset: e.len.startIndex, lenEndOffset: e.len.endIndex, calleeParam: name } : undefined,
          });
        } else if (e.kind === 'index-write' && e.param === callee && e.field === 'buf') {
          const loop = enclosingLoop(e.node);
          if (!loop) continue;
          const cond = field(loop, 'condition');
          if (cond && lenMention(x, cond, e.st, callee)) continue;
          if (!once.first(`${e.node.id}`)) continue;
          out.push({
            rule: 'callee-unbounded-copy',
            start: e.node.startIndex,
            end: e.node.endIndex,
            message: `this loop writes ${name}->buf[${shorten(textOf(e.index), 40)}] but its condition is not bounded by ${name}->len`,
            steps: pathTo(c, e, [], e.node.startIndex, `element written into ${name}->buf, loop not bounded by ${name}->len`),
          });
        }
      }
      return out;
    },
}))();

function intoCalleeBuf(ctx: ExploreCtx, dst: Node, st: State, callee: number): boolean {
  const stack: Node[] = [dst];
  while (stack.length) {
    const n = strip(stack.pop()!);
    if (!n) continue;
    if (typeOf(n) === 'field_expression' && textOf(field(n, 'field')) === 'buf' && paramOf(ctx, field(n, 'argument'), st) === callee) return true;
    const alias = typeOf(n) === 'identifier' ? st.vals.get(textOf(n)) : undefined;
    if (alias?.k === 'fieldof' && alias.i === callee && alias.f === 'buf') return true;
    if (typeOf(n) === 'binary_expression' || typeOf(n) === 'pointer_expression') for (const k of named(n)) if (k) stack.push(k);
  }
  return false;
}

function bounded(ctx: ExploreCtx, len: Node | null, st: State, callee: number): boolean {
  const checked = (st.lenChecked & bit(callee)) !== 0;
  if (!len) return checked;
  if (lenMention(ctx, len, st, callee)) return true;
  const e = strip(len);
  // `if (lpCalleeData->len < sizeof(X)) fail; memcpy(buf, &x, sizeof(X));`
  return checked && !!e && (typeOf(e) === 'sizeof_expression' || typeOf(e) === 'number_literal');
}


function enclosingLoop(n: Node): Node | null {
  let cur: Node | null = parentOf(n);
  while (cur && typeOf(cur) !== 'function_definition') {
    if (typeOf(cur) === 'for_statement' || typeOf(cur) === 'while_statement' || typeOf(cur) === 'do_statement') return cur;
    cur = parentOf(cur);
  }
  return null;
}

