/** docs/rules/: one complete page per registered rule, indexed, and consistent with the registry and contract. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleDocs, parseRuleDoc } from '../../server/src/core/report/rule-docs';
import { RULES } from '../../server/src/core/rules/registry';
import { getContract } from '../../server/src/core/spec';
import { ROOT } from './helpers';

const TOOL_RULES = new Set(['parse-health', 'unknown-suppression', 'unused-suppression']);

function section(md: string, heading: string): string {
  const m = new RegExp(`^## ${heading}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(md);
  assert.ok(m, `section "## ${heading}"`);
  return m[1];
}

for (const rule of RULES) {
  test(`docs page for ${rule.id}`, () => {
    const path = join(ROOT, rule.doc);
    assert.ok(existsSync(path), `${rule.doc} exists`);
    const md = readFileSync(path, 'utf8');
    assert.equal(md.split('\n')[0], `# ${rule.id}`);
    assert.ok(parseRuleDoc(md).summary.length > 20, 'opens with a one-paragraph summary');
    assert.match(md, new RegExp(`^\\*\\*Severity:\\*\\* ${rule.severity}\\b`, 'm'), 'states the registry severity');
    const why = section(md, 'Why');
    assert.match(section(md, 'Bad'), /```c\n/);
    section(md, 'Fix');
    const suppress = section(md, 'Suppress');
    if (!TOOL_RULES.has(rule.id)) {
      assert.match(why, /^> .+/m, 'quotes the reference page');
      assert.match(section(md, 'Good'), /```c\n/);
      assert.ok(suppress.includes(`// wsplint-disable-next-line ${rule.id}: `), 'shows a suppression with a reason');
    }
  });
}

test('undocumented-error lists exactly the contract codes and explains WSAEHOSTUNREACH at info', () => {
  const md = readFileSync(join(ROOT, 'docs/rules/undocumented-error.md'), 'utf8');
  const list = md.split('\n\n').find((p) => p.startsWith('The table lists '));
  assert.ok(list, 'a "The table lists ..." paragraph');
  const listed = [...list.split('. ')[0].matchAll(/`(WSAE[A-Z]+)`/g)].map((m) => m[1]);
  const documented = getContract('WSPConnect')?.errors.map((e) => e.code) ?? [];
  assert.ok(documented.length > 0);
  assert.deepEqual(listed, documented, "same codes, in the page's order");
  assert.match(md, /### WSAEHOSTUNREACH is reported as info/);
  assert.match(section(md, 'Why'), /\*\*info\*\* severity/);
});

test('docs/rules/README.md and README.md list every rule with its default severity', () => {
  for (const index of ['docs/rules/README.md', 'README.md']) {
    const md = readFileSync(join(ROOT, index), 'utf8');
    const prefix = index === 'README.md' ? 'docs/rules/' : '';
    for (const rule of RULES) {
      const row = md.split('\n').find((l) => l.startsWith(`| [${rule.id}](${prefix}${rule.id}.md) |`));
      assert.ok(row, `${index} has a row for ${rule.id}`);
      assert.equal(row.split('|')[2].trim(), rule.severity, `${index}: severity of ${rule.id}`);
    }
  }
});

test('every page loads as SARIF help', () => {
  const docs = loadRuleDocs(ROOT);
  assert.deepEqual([...docs.keys()].sort(), RULES.map((r) => r.id).sort());
});
