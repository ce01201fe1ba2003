import type { Node } from 'web-tree-sitter';

/**
 * What one analysis reads of a syntax node, read once. Every `type`, `text`, `childForFieldName` or
 * `parent` of a tree-sitter node crosses into WASM (or N-API) and hands out a new Node object: a few
 * hundred nanoseconds each, and the explorer reads the same nodes again for every path state that reaches
 * them. Within a scope (`withNodeCache`: one implementation, with the helpers it summarizes) the answers
 * are kept by node id, and a field always yields the same Node object, so web-tree-sitter's own
 * per-object cache of `namedChildren` holds as well.
 *
 * The scope is short on purpose: nodes of a whole workspace would cost more memory than they save time.
 * Outside a scope every function reads the node directly.
 */
interface Info {
  /** The first object seen for this id: the one handed out from now on. */
  node: Node;
  type: string;
  text?: string;
  fields?: Map<string, Node | null>;
  parent?: Node | null;
  named?: Array<Node | null>;
  /** Answers computed from the node by `memo`, by question. */
  memo?: Map<string, unknown>;
}

let scope: Map<number, Info> | null = null;
/**
 * The same answers by node object, for the native binding: it hands out one object per node, and reads
 * even `id` and `startIndex` through N-API. (web-tree-sitter's `id` is a plain field: looked up by it.)
 */
let byObject: Map<Node, Info> | null = null;

/** Runs `f` with a node cache (or in the one already open: nested analyses share it). */
export function withNodeCache<T>(f: () => T): T {
  if (scope) return f();
  scope = new Map();
  byObject = new Map();
  try {
    return f();
  } finally {
    scope = null;
    byObject = null;
  }
}

/** Whether node objects carry `id` as a plain field (web-tree-sitter) rather than a getter (native). */
let plainIds: boolean | undefined;

function info(n: Node): Info | null {
  if (!scope || !byObject) return null;
  plainIds ??= Object.prototype.hasOwnProperty.call(n, 'id');
  let i = plainIds ? undefined : byObject.get(n);
  if (i !== undefined) return i;
  const id = n.id;
  i = scope.get(id);
  if (i === undefined) {
    i = { node: n, type: n.type };
    scope.set(id, i);
    if (!plainIds) byObject.set(n, i);
    return i;
  }
  // Ids are unique within one tree only (trees of one file's versions share subtrees): another
  // tree's node with the same id is read directly.
  if (i.node.tree !== n.tree || i.node.startIndex !== n.startIndex) return null;
  if (!plainIds) byObject.set(n, i);
  return i;
}

/** The node object the scope hands out for this node (itself outside a scope). */
export function canon(n: Node): Node {
  return info(n)?.node ?? n;
}

// The readers take a missing node as `n?.member` does: the answer is then undefined.

export function typeOf(n: Node): string;
export function typeOf(n: Node | null | undefined): string | undefined;
export function typeOf(n: Node | null | undefined): string | undefined {
  if (!n) return undefined;
  return info(n)?.type ?? n.type;
}

export function textOf(n: Node): string;
export function textOf(n: Node | null | undefined): string | undefined;
export function textOf(n: Node | null | undefined): string | undefined {
  if (!n) return undefined;
  const i = info(n);
  if (!i) return n.text;
  return (i.text ??= i.node.text);
}

/** `childForFieldName`, the same Node object every time within a scope. */
export function field(n: Node, name: string): Node | null;
export function field(n: Node | null | undefined, name: string): Node | null | undefined;
export function field(n: Node | null | undefined, name: string): Node | null | undefined {
  if (!n) return undefined;
  const i = info(n);
  if (!i) return n.childForFieldName(name);
  const fields = (i.fields ??= new Map());
  let c = fields.get(name);
  if (c === undefined) {
    const raw = i.node.childForFieldName(name);
    c = raw ? canon(raw) : null;
    fields.set(name, c);
  }
  return c;
}

/** `namedChildren`, read once per node within a scope. */
export function named(n: Node): Array<Node | null>;
export function named(n: Node | null | undefined): Array<Node | null> | undefined;
export function named(n: Node | null | undefined): Array<Node | null> | undefined {
  if (!n) return undefined;
  const i = info(n);
  // web-tree-sitter keeps the array on the node object; the native binding builds a new one each time.
  return i ? (i.named ??= i.node.namedChildren) : n.namedChildren;
}

export function parentOf(n: Node): Node | null;
export function parentOf(n: Node | null | undefined): Node | null | undefined;
export function parentOf(n: Node | null | undefined): Node | null | undefined {
  if (!n) return undefined;
  const i = info(n);
  if (!i) return n.parent;
  if (i.parent === undefined) {
    const p = i.node.parent;
    i.parent = p ? canon(p) : null;
  }
  return i.parent;
}

/** `f()`, computed once per scope for this node and question (every time outside a scope). */
export function memo<T>(n: Node, question: string, f: () => T): T {
  const i = info(n);
  if (!i) return f();
  const m = (i.memo ??= new Map());
  if (m.has(question)) return m.get(question) as T;
  const v = f();
  m.set(question, v);
  return v;
}
