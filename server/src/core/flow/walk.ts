import type { Node } from 'web-tree-sitter';
import { memo, named, typeOf } from './node-cache';

/** Node types that are single tokens: no named children to ask tree-sitter for. */
export const LEAVES: ReadonlySet<string> = new Set([
  'identifier', 'field_identifier', 'type_identifier', 'namespace_identifier', 'statement_identifier', 'primitive_type',
  'number_literal', 'true', 'false', 'null', 'nullptr', 'this', 'comment',
]);

/**
 * Visits the named nodes of a subtree, depth-first, at most `budget` of them. The checks that use this
 * look at the small expressions of real code; a pathological 100,000-term expression must not make each
 * of them walk it all (they answer from the part they saw). Returns false when the budget ran out.
 * The explorer asks the same question of the same expression on every path state: the nodes of the walk
 * are listed once per node-cache scope.
 */
export function forEachNamed(root: Node, visit: (n: Node) => boolean | void, budget = 512): boolean {
  const walk = memo(root, walkKey(budget), () => listNamed(root, budget));
  for (const n of walk.nodes) if (visit(n) === true) return true;
  return walk.complete;
}

const walkKeys = new Map<number, string>();

/** The memo question for a walk with this budget: one string per budget, so lookups hash it once. */
function walkKey(budget: number): string {
  let k = walkKeys.get(budget);
  if (k === undefined) walkKeys.set(budget, (k = `walk:${budget}`));
  return k;
}

/** The nodes forEachNamed visits, in its order; complete when the budget did not cut the walk short. */
function listNamed(root: Node, budget: number): { nodes: Node[]; complete: boolean } {
  const nodes: Node[] = [];
  const cut = preorderNamed(root, (n) => {
    if (nodes.length >= budget) return true;
    nodes.push(n);
  });
  return { nodes, complete: !cut };
}

/**
 * The named nodes of the subtree, the root first, depth-first in document order (single tokens are not
 * asked for children), until `visit` returns true; true when it did.
 */
function preorderNamed(root: Node, visit: (n: Node, type: string) => boolean | void): boolean {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    const type = typeOf(n);
    if (visit(n, type) === true) return true;
    if (LEAVES.has(type)) continue;
    const kids = named(n);
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return false;
}

/** Some named node of the subtree (within the budget) satisfies the test. */
export function someNamed(root: Node, test: (n: Node) => boolean, budget = 512): boolean {
  let found = false;
  forEachNamed(root, (n) => (found = test(n)), budget);
  return found;
}

/**
 * The named nodes of the subtree (the root included) whose type is in `types`, in document order: what
 * descendantsOfType gives for named types, since every named node is a named child of a named node. Walks
 * the nodes through node-cache, where the explorer has read most of them already, rather than having
 * tree-sitter hand out every match again.
 */
export function namedDescendants(root: Node, types: ReadonlySet<string>): Node[] {
  const out: Node[] = [];
  someNamedDescendant(root, types, (n) => void out.push(n));
  return out;
}

/** Some node namedDescendants would list passes the test (asked in that order, up to the first that does). */
export function someNamedDescendant(root: Node, types: ReadonlySet<string>, test: (n: Node) => boolean | void): boolean {
  return preorderNamed(root, (n, type) => types.has(type) && test(n) === true);
}
