/** "The file still parses after a fix": parse with the analyzer's own pipeline (macro blanking + tree-sitter). */
import { blankMacros } from '../../server/src/core/parse/blank';
import { loadParsers } from '../../server/src/core/parse/parser';

export async function parseErrors(text: string, language: 'c' | 'cpp' = 'c'): Promise<string[]> {
  const parsers = await loadParsers();
  const tree = parsers.parse(blankMacros(text).text, language);
  const out: string[] = [];
  const visit = (n: typeof tree.rootNode): void => {
    if (n.type === 'ERROR' || n.isMissing) out.push(`${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}`);
    else if (n.hasError) for (const c of n.children) if (c) visit(c);
  };
  visit(tree.rootNode);
  tree.delete();
  return out;
}
