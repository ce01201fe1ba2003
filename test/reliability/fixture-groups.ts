/**
 * Every C/C++ fixture of the repository (test/cases, test/cases-spi, test/corpus, examples) as analysis
 * groups: a multi-file case or provider folder is one group, any other file a group of its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { SourceFile } from '../../server/src/core';
import { SEED_FOLDERS } from '../fuzz/inputs';

const SOURCE = /\.(c|h|cpp|cc|cxx|hpp|hh)$/i;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (SOURCE.test(name)) out.push(p);
  }
  return out;
}

export function fixtureGroups(root: string): SourceFile[][] {
  const groups = new Map<string, SourceFile[]>();
  for (const folder of SEED_FOLDERS) {
    let files: string[] = [];
    try {
      files = walk(join(root, folder));
    } catch {
      continue;
    }
    for (const f of files) {
      const rel = relative(root, f);
      const parts = relative(root, dirname(f)).split(/[\\/]/);
      const last = parts[parts.length - 1];
      const grouped = /^(bad|ok)-/.test(last) || (parts[0] === 'examples' && parts.length === 2) || (parts[1] === 'corpus' && parts.length === 3);
      const key = grouped ? dirname(rel) : rel;
      groups.set(key, [...(groups.get(key) ?? []), { path: rel, text: readFileSync(f, 'utf8') }]);
    }
  }
  return [...groups.values()];
}
