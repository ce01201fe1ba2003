/**
 * Rewrites the socket calls of a C file to the harness wrappers: `WSPConnect(s, ...)` and
 * `procs.lpWSPConnect(s, ...)` become `__wsplint_WSPConnect(12, s, ...)`, where 12 is the call's line
 * (the line the interpreter records). Only the callee and its opening parenthesis are replaced, on the
 * same line, so every line of the file keeps its number.
 */
import type { Node } from 'web-tree-sitter';
import { RECORDED_NAMES } from './wrappers';

export interface Rewrite {
  text: string;
  /** How many calls were rewritten. */
  calls: number;
}

/** The recorded name a call's function node stands for, or null. */
function calleeOf(fn: Node): string | null {
  if (fn.type === 'identifier') return RECORDED_NAMES.has(fn.text) ? fn.text : null;
  if (fn.type === 'field_expression') {
    const member = fn.childForFieldName('field')?.text ?? '';
    // Calls through a WSPPROC_TABLE member reach the same SPI function.
    if (/^lpWSP[A-Z]/.test(member) && RECORDED_NAMES.has(member.slice(2))) return member.slice(2);
  }
  return null;
}

export function rewriteCalls(source: string, root: Node): Rewrite {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const call of root.descendantsOfType('call_expression')) {
    if (!call) continue;
    const fn = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    if (!fn || !args) continue;
    const name = calleeOf(fn);
    if (name === null) continue;
    const line = call.startPosition.row + 1;
    const hasArgs = args.namedChildren.some((a) => a !== null && a.type !== 'comment');
    // web-tree-sitter indexes a JavaScript string in UTF-16 code units, as String.slice does.
    const start = fn.startIndex;
    const end = args.startIndex + 1;
    // A callee split over lines (`procs.\n lpWSPConnect(`) keeps its line breaks, after the parenthesis.
    const breaks = source.slice(start, end).replace(/[^\n]/g, '');
    edits.push({ start, end, text: `__wsplint_${name}(${line}${hasArgs ? ', ' : ''}${breaks}` });
  }
  edits.sort((a, b) => b.start - a.start);
  let text = source;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return { text, calls: edits.length };
}
