/**
 * Finds the snippets of a file: each function preceded by a `// wsplint:snippet` comment, with the
 * `// wsplint:net` directives that apply to it: its own (between its marker and its body, or inside
 * it) and the file's (everywhere else).
 */
import type { Node } from 'web-tree-sitter';
import type { Directive, SnippetOption } from '../net/directives';
import { parseDirective } from '../net/directives';
import type { HostInterface, NetRule } from '../net/network';
import { field, lineOf } from './lower-types';

export interface NetDirectives {
  rules: NetRule[];
  host: HostInterface | null;
}

export interface SnippetInfo {
  name: string;
  /** Name of the C function. */
  functionName: string;
  line: number;
  node: Node;
  options: Record<string, SnippetOption>;
  net: NetDirectives;
  /** Directive mistakes that belong to this snippet. */
  errors: string[];
}

export interface SnippetScan {
  snippets: SnippetInfo[];
  fileNet: NetDirectives;
  /** Mistakes outside any snippet (a marker followed by no function, a bad file-level directive). */
  errors: string[];
}

function functionName(fn: Node): string {
  let d: Node | null = field(fn, 'declarator');
  while (d && d.type !== 'function_declarator') d = field(d, 'declarator');
  return d ? (field(d, 'declarator')?.text ?? '?') : '?';
}

function addNet(target: NetDirectives, errors: string[], d: Directive): void {
  if (d.kind === 'net') target.rules.push(d.rule);
  else if (d.kind === 'host') target.host = d.host;
  else if (d.kind === 'error') errors.push(`line ${d.line}: ${d.message}`);
}

export function scanSnippets(root: Node): SnippetScan {
  const scan: SnippetScan = { snippets: [], fileNet: { rules: [], host: null }, errors: [] };
  const nodes = root.namedChildren.filter((n): n is Node => n !== null);
  let marker: Extract<Directive, { kind: 'snippet' }> | null = null;
  let pendingNet: Directive[] = [];
  const owned = new Set<number>();
  for (const n of nodes) {
    if (n.type === 'comment') {
      const d = parseDirective(n.text, lineOf(n));
      if (d?.kind === 'snippet') {
        if (marker) scan.errors.push(`line ${marker.line}: wsplint:snippet is not followed by a function`);
        for (const p of pendingNet) addNet(scan.fileNet, scan.errors, p);
        pendingNet = [];
        marker = d;
      } else if (d?.kind === 'error' && /^wsplint:snippet/.test(n.text.replace(/^\/[/*]+\s*/, ''))) {
        scan.errors.push(`line ${d.line}: ${d.message}`);
      } else if (d) pendingNet.push(d);
      continue;
    }
    if (n.type === 'function_definition' && marker) {
      const info: SnippetInfo = {
        name: marker.name ?? functionName(n),
        functionName: functionName(n),
        line: lineOf(n),
        node: n,
        options: marker.options,
        net: { rules: [], host: null },
        errors: [],
      };
      for (const d of pendingNet) addNet(info.net, info.errors, d);
      for (const c of n.descendantsOfType('comment')) {
        if (!c) continue;
        owned.add(c.startIndex);
        const d = parseDirective(c.text, lineOf(c));
        if (d && d.kind !== 'snippet') addNet(info.net, info.errors, d);
      }
      scan.snippets.push(info);
      marker = null;
      pendingNet = [];
      continue;
    }
    if (marker) {
      scan.errors.push(`line ${marker.line}: wsplint:snippet is not followed by a function`);
      marker = null;
    }
    for (const d of pendingNet) addNet(scan.fileNet, scan.errors, d);
    pendingNet = [];
  }
  if (marker) scan.errors.push(`line ${marker.line}: wsplint:snippet is not followed by a function`);
  for (const d of pendingNet) addNet(scan.fileNet, scan.errors, d);
  // Directives inside functions that are not snippets still describe the file's network.
  for (const c of root.descendantsOfType('comment')) {
    if (!c || owned.has(c.startIndex) || c.parent?.type === 'translation_unit') continue;
    const d = parseDirective(c.text, lineOf(c));
    if (d && d.kind !== 'snippet') addNet(scan.fileNet, scan.errors, d);
  }
  return scan;
}
