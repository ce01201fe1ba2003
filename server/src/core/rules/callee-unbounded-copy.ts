import type { Node } from 'web-tree-sitter';
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
            message: `${e.fn} copies into ${name}->buf ${e.len ? `${shorten(e.len.text, 40)} bytes` : 'a whole string'} without bounding it by ${name}->len (the size of the caller's buffer)`,
            steps: pathTo(c, e, [], e.node.startIndex, `copy into ${name}->buf not bounded by ${name}->len`),
            fix: e.len ? { kind: 'bound-copy', lenStartOffset: e.len.startIndex, lenEndOffset: e.len.endIndex, calleeParam: name } : undefined,
          });
        } else if (e.kind === 'index-write' && e.param === callee && e.field === 'buf') {
          const loop = enclosingLoop(e.node);
          if (!loop) continue;
          const cond = loop.childForFieldName('condition');
          if (cond && lenMention(x, cond, e.st, callee)) continue;
          if (!once.first(`${e.node.id}`)) continue;
          out.push({
            rule: 'callee-unbounded-copy',
            start: e.node.startIndex,
            end: e.node.endIndex,
            message: `this loop writes ${name}->buf[${shorten(e.index.text, 40)}] but its condition is not bounded by ${name}->len`,
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
    if (n.type === 'field_expression' && n.childForFieldName('field')?.text === 'buf' && paramOf(ctx, n.childForFieldName('argument'), st) === callee) return true;
    const alias = n.type === 'identifier' ? st.vals.get(n.text) : undefined;
    if (alias?.k === 'fieldof' && alias.i === callee && alias.f === 'buf') return true;
    if (n.type === 'binary_expression' || n.type === 'pointer_expression') for (const k of n.namedChildren) if (k) stack.push(k);
  }
  return false;
}

function bounded(ctx: ExploreCtx, len: Node | null, st: State, callee: number): boolean {
  const checked = (st.lenChecked & bit(callee)) !== 0;
  if (!len) return checked;
  if (lenMention(ctx, len, st, callee)) return true;
  const e = strip(len);
  // `if (lpCalleeData->len < sizeof(X)) fail; memcpy(buf, &x, sizeof(X));`
  return checked && !!e && (e.type === 'sizeof_expression' || e.type === 'number_literal');
}


function enclosingLoop(n: Node): Node | null {
  let cur: Node | null = n.parent;
  while (cur && cur.type !== 'function_definition') {
    if (cur.type === 'for_statement' || cur.type === 'while_statement' || cur.type === 'do_statement') return cur;
    cur = cur.parent;
  }
  return null;
}

