import type { Node } from 'web-tree-sitter';
import { named, typeOf } from './node-cache';

/** Node types that are single tokens: no named children to ask tree-sitter for. */
export const LEAVES: ReadonlySet<string> = new Set([
  'identifier', 'field_identifier', 'type_identifier', 'namespace_identifier', 'statement_identifier', 'primitive_type',
  'number_literal', 'true', 'false', 'null', 'nullptr', 'this', 'comment',
]);

/**
 * Visits the named nodes of a subtree, depth-first, at most `budget` of them. The checks that use this
 * look at the small expressions of real code; a pathological 100,000-term expression must not make each
 * of them walk it all (they answer from the part they saw). Returns false when the budget ran out.
 */
export function forEachNamed(root: Node, visit: (n: Node) => boolean | void, budget = 512): boolean {
  const stack: Node[] = [root];
  let seen = 0;
  while (stack.length) {
    if (seen++ >= budget) return false;
    const n = stack.pop()!;
    if (visit(n) === true) return true;
    if (LEAVES.has(typeOf(n))) continue;
    const kids = named(n);
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return true;
}

/** Some named node of the subtree (within the budget) satisfies the test. */
export function someNamed(root: Node, test: (n: Node) => boolean, budget = 512): boolean {
  let found = false;
  forEachNamed(root, (n) => (found = test(n)), budget);
  return found;
}
