import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding, SourceFile } from '../../server/src/core/types';

/** The rules a fixture's `expect:` comments speak about (the WSPConnect contract rules). */
export const CONTRACT_RULES = new Set([
  'errno-not-set', 'undocumented-error', 'non-wsa-error', 'bad-return-value',
  'callee-len-not-set', 'callee-null-deref', 'callee-unbounded-copy', 'name-unchecked',
]);

const SOURCE = /\.(c|h|cpp|cc|cxx|hpp)$/i;
const EXPECT = /(?:\/\/|\/\*)\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/;

/** A fixture: one file, or a folder whose files are analysed together. */
export interface Fixture {
  name: string;
  files: SourceFile[];
  /** `path:line(1-based):rule` keys. */
  expected: Set<string>;
}

export function loadFixture(root: string, path: string): Fixture {
  const paths = statSync(path).isDirectory() ? listSources(path) : [path];
  const files = paths.map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));
  const expected = new Set<string>();
  for (const f of files) {
    f.text.split(/\r?\n/).forEach((line, i) => {
      const m = EXPECT.exec(line);
      if (m) for (const r of m[1].split(',')) expected.add(`${f.path}:${i + 1}:${r.trim()}`);
    });
  }
  return { name: relative(root, path), files, expected };
}

export function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listSources(p));
    else if (SOURCE.test(name)) out.push(p);
  }
  return out;
}

/** Fixture entries under a folder: files and multi-file folders, recursively by rule folder. */
export function fixtureEntries(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(p);
    else if (SOURCE.test(name)) out.push(p);
  }
  return out;
}

export function actualKeys(findings: Finding[]): Set<string> {
  return new Set(findings.filter((f) => CONTRACT_RULES.has(f.rule)).map((f) => `${f.file}:${f.range.start.line + 1}:${f.rule}`));
}

export function diff(expected: Set<string>, actual: Set<string>): { missing: string[]; unexpected: string[] } {
  return { missing: [...expected].filter((k) => !actual.has(k)), unexpected: [...actual].filter((k) => !expected.has(k)) };
}

/**
 * The rules test/cases-spi judges: the contract rules (every SPI function against its own contract)
 * plus the whole-SPI rules: optional pointers, the proc table WSPStartup returns, and layering.
 */
export const SPI_RULES: ReadonlySet<string> = new Set([
  ...CONTRACT_RULES,
  'optional-null-deref', 'proc-table-incomplete', 'proc-entry-signature', 'startup-version-unchecked',
  'startup-upcall-not-stored', 'lower-socket-handle', 'lower-errno-not-propagated', 'handle-leak-on-error',
]);

/** `path:line:rule` keys of the findings of the given rules. */
export function actualKeysOf(findings: Finding[], rules: ReadonlySet<string>): Set<string> {
  return new Set(findings.filter((f) => rules.has(f.rule)).map((f) => `${f.file}:${f.range.start.line + 1}:${f.rule}`));
}
