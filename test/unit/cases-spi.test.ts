/**
 * test/cases-spi: annotated fixtures for the whole service provider interface, one folder per function
 * family. Every function of the SPI is judged (no `functions` option), each against its own contract.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { implementations } from '../../server/src/core/analyze';
import { createAnalyzer } from '../../server/src/core/index';
import { parseSource, type ParsedFile } from '../../server/src/core/model/parsed-file';
import { Run } from '../../server/src/core/model/run';
import { loadParsers } from '../../server/src/core/parse/parser';
import { CONTRACTS } from '../../server/src/core/spec/contracts';
import { actualKeysOf, diff, fixtureEntries, listSources, loadFixture, SPI_RULES } from '../support/expectations';

const root = process.env.WSPLINT_ROOT ?? process.cwd();
const casesDir = join(root, 'test', 'cases-spi');

const ERROR_RULES = ['errno-not-set', 'undocumented-error', 'non-wsa-error', 'bad-return-value'];

/** Each family, and the rules at least one of its bad- fixtures must expect (where the rule applies). */
const FAMILY_RULES: Record<string, readonly string[]> = {
  'send-recv': [...ERROR_RULES, 'optional-null-deref'],
  'accept-socket': [
    ...ERROR_RULES, 'optional-null-deref', 'handle-leak-on-error',
    // WSPJoinLeaf has WSPConnect's connect data, QoS and name parameters.
    'callee-len-not-set', 'callee-null-deref', 'callee-unbounded-copy', 'name-unchecked',
  ],
  'ioctl-options': [...ERROR_RULES, 'optional-null-deref'],
  'select-events': [...ERROR_RULES, 'optional-null-deref'],
  lifecycle: ERROR_RULES,
  // WSPStartup returns its error code itself: no lpErrno, so no errno-not-set or non-wsa-error store.
  'proc-table': ['bad-return-value', 'undocumented-error', 'proc-table-incomplete', 'proc-entry-signature', 'startup-version-unchecked', 'startup-upcall-not-stored'],
  layered: [...ERROR_RULES, 'optional-null-deref', 'lower-socket-handle', 'lower-errno-not-propagated', 'handle-leak-on-error'],
};

function entriesOf(family: string): string[] {
  return fixtureEntries(join(casesDir, family));
}

function baseName(entry: string): string {
  return entry.split('/').pop() ?? '';
}

test('test/cases-spi has every family, each with bad- fixtures for its rules and ok- fixtures', () => {
  assert.ok(existsSync(casesDir), 'test/cases-spi is missing');
  const present = readdirSync(casesDir).filter((d) => statSync(join(casesDir, d)).isDirectory()).sort();
  assert.deepEqual(present, Object.keys(FAMILY_RULES).sort(), 'the family folders');
  for (const [family, rules] of Object.entries(FAMILY_RULES)) {
    const entries = entriesOf(family);
    for (const e of entries) assert.match(baseName(e), /^(bad|ok)-/, `${family}/${baseName(e)}: a fixture is named bad-* or ok-*`);
    assert.ok(entries.some((e) => baseName(e).startsWith('ok-')), `${family}: no ok- fixture`);
    const expectedRules = new Set<string>();
    for (const e of entries.filter((x) => baseName(x).startsWith('bad-'))) {
      for (const key of loadFixture(root, e).expected) expectedRules.add(key.split(':').pop() ?? '');
    }
    for (const rule of rules) assert.ok(expectedRules.has(rule), `${family}: no bad- fixture expects ${rule}`);
  }
});

// Every annotated fixture: its findings of the judged rules are exactly its `expect:` lines.
test('annotated fixtures under test/cases-spi', async (t) => {
  const analyzer = await createAnalyzer();
  for (const family of Object.keys(FAMILY_RULES)) {
    for (const entry of entriesOf(family)) {
      const fx = loadFixture(root, entry);
      await t.test(fx.name, () => {
        const base = baseName(entry);
        if (base.startsWith('bad-')) assert.ok(fx.expected.size > 0, 'a bad- fixture must state an expectation');
        if (base.startsWith('ok-')) assert.equal(fx.expected.size, 0, 'an ok- fixture must not expect findings');
        const unknown = [...fx.expected].filter((k) => !SPI_RULES.has(k.split(':').pop() ?? ''));
        assert.deepEqual(unknown, [], 'expectations name judged rules only');
        const result = analyzer.analyze(fx.files);
        const { missing, unexpected } = diff(fx.expected, actualKeysOf(result.findings, SPI_RULES));
        const explain = (k: string) => {
          const f = result.findings.find((x) => `${x.file}:${x.range.start.line + 1}:${x.rule}` === k);
          return f ? `${k}  ${f.message}` : k;
        };
        assert.deepEqual({ missing, unexpected: unexpected.map(explain) }, { missing: [], unexpected: [] });
      });
    }
  }
});

// "A function implementing it appears in some fixture": as the analyzer sees implementations (by name,
// or installed in the contract's WSPPROC_TABLE entry, with the contract's parameter count).
test('every WSPPROC_TABLE function is implemented in some fixture', async () => {
  const parsers = await loadParsers();
  const seen = new Map<string, string>();
  for (const family of Object.keys(FAMILY_RULES)) {
    for (const entry of entriesOf(family)) {
      const paths = statSync(entry).isDirectory() ? listSources(entry) : [entry];
      const parsed: ParsedFile[] = paths.map((p) => parseSource(parsers, { path: relative(root, p), text: readFileSync(p, 'utf8') }, []));
      try {
        for (const impl of implementations(new Run(parsed))) if (!seen.has(impl.contract.name)) seen.set(impl.contract.name, relative(root, entry));
      } finally {
        for (const p of parsed) p.tree.delete();
      }
    }
  }
  const entries = CONTRACTS.filter((c) => c.procEntry !== null).map((c) => c.name);
  assert.equal(entries.length, 30, 'WSPPROC_TABLE has 30 entries');
  assert.deepEqual(entries.filter((name) => !seen.has(name)), [], 'contracts with no implementation in test/cases-spi');
});
