import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createAnalyzer } from '../../server/src/core/index';
import { actualKeys, CONTRACT_RULES, diff, fixtureEntries, loadFixture } from '../support/expectations';

const root = process.env.WSPLINT_ROOT ?? process.cwd();
const casesDir = join(root, 'test', 'cases');

test('test/cases has a folder with 6 bad- and 6 ok- fixtures for each contract rule', () => {
  for (const rule of CONTRACT_RULES) {
    const dir = join(casesDir, rule);
    assert.ok(existsSync(dir), `test/cases/${rule} is missing`);
    const names = fixtureEntries(dir).map((p) => p.split('/').pop() ?? '');
    assert.ok(names.filter((n) => n.startsWith('bad-')).length >= 6, `${rule}: fewer than 6 bad- fixtures`);
    assert.ok(names.filter((n) => n.startsWith('ok-')).length >= 6, `${rule}: fewer than 6 ok- fixtures`);
  }
});

// Every annotated fixture: its findings of the contract rules are exactly its `expect:` lines.
test('annotated fixtures under test/cases', async (t) => {
  const analyzer = await createAnalyzer({ functions: ['WSPConnect'] });
  assert.ok(existsSync(casesDir), 'test/cases is missing');
  const ruleDirs = readdirSync(casesDir).filter((d) => statSync(join(casesDir, d)).isDirectory()).sort();
  for (const rule of ruleDirs) {
    for (const entry of fixtureEntries(join(casesDir, rule))) {
      const fx = loadFixture(root, entry);
      await t.test(fx.name, () => {
        const base = entry.split('/').pop() ?? '';
        if (base.startsWith('bad-')) assert.ok(fx.expected.size > 0, 'a bad- fixture must state an expectation');
        if (base.startsWith('ok-')) assert.equal(fx.expected.size, 0, 'an ok- fixture must not expect findings');
        const result = analyzer.analyze(fx.files);
        const { missing, unexpected } = diff(fx.expected, actualKeys(result.findings));
        const explain = (k: string) => {
          const f = result.findings.find((x) => `${x.file}:${x.range.start.line + 1}:${x.rule}` === k);
          return f ? `${k}  ${f.message}` : k;
        };
        assert.deepEqual({ missing, unexpected: unexpected.map(explain) }, { missing: [], unexpected: [] });
      });
    }
  }
});
