import type { Node } from 'web-tree-sitter';
import type { FunctionInfo } from './model/functions';
import type { ParsedFile } from './model/parsed-file';
import type { Run } from './model/run';
import { ruleMeta } from './rules/registry';
import type { Finding, Severity } from './types';

/**
 * A WSPConnect implementation that did not parse as a function (an unknown macro in its signature,
 * `int WSPAPI PROV_EXPORT(1) WSPConnect(...)`) would silently give no findings. Report it instead,
 * where the ERROR region names WSPConnect or a function installed as the connect entry.
 */
export function unparsedImplementations(run: Run, file: ParsedFile, judged: FunctionInfo[], severity?: Severity | 'off'): Finding[] {
  if (severity === 'off' || !file.tree.rootNode.hasError) return [];
  const names = new Set(['WSPConnect', ...run.installs.filter((i) => i.entry === 'lpWSPConnect').map((i) => i.functionName)]);
  const out: Finding[] = [];
  const seen = new Set<number>();
  const stack: Node[] = [file.tree.rootNode];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'ERROR') {
      const m = [...names].find((name) => new RegExp(`\\b${name}\\s*\\(`).test(n.text));
      const inside = judged.some((fn) => fn.path === file.path && n.startIndex >= fn.node.startIndex && n.endIndex <= fn.node.endIndex);
      if (m && !inside) {
        const line = file.lines.position(n.startIndex).line;
        if (!seen.has(line)) {
          seen.add(line);
          const offset = n.startIndex + n.text.search(new RegExp(`\\b${m}\\s*\\(`));
          out.push({
            rule: 'parse-health',
            severity: severity ?? ruleMeta('parse-health').severity,
            message: `${m} here did not parse as a function, so it was not checked: an unknown macro in its signature? Name it with --macro (CLI) or the wsplint.macros setting`,
            file: file.path,
            range: { start: file.lines.position(offset), end: file.lines.position(offset + m.length), startOffset: offset, endOffset: offset + m.length },
            function: m,
            steps: [],
            fingerprint: `parse-health|${file.path}|${m}`,
          });
        }
      }
      continue;
    }
    if (n.hasError) for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return out;
}
