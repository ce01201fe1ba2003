/** `wsplint check --format sarif`: shape, help from docs/rules, fingerprints, and the SARIF Multitool's verdict. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleDocs } from '../../server/src/core/report/rule-docs';
import { FINGERPRINT_KEY, formatSarif, SRCROOT } from '../../server/src/core/report/sarif';
import type { SarifLog } from '../../server/src/core/report/sarif-types';
import { DOCS_BASE, RULES } from '../../server/src/core/rules/registry';
import { CLEAN_FIXTURE, ERRNO_COLUMN, ERRNO_FIXTURE, ERRNO_LINE, parseJson, ROOT, tempDir, wsplint } from './helpers';
import { assertSarifShape } from './sarif-shape';
import { sampleFindings } from './sample-findings';

test('SARIF for a clean run: every rule, with its docs page as help', () => {
  const r = wsplint(['check', '--format', 'sarif', CLEAN_FIXTURE]);
  assert.equal(r.code, 0, r.stderr);
  const log = parseJson<SarifLog>(r.stdout);
  assertSarifShape(log);
  const run = log.runs[0];
  assert.deepEqual(run.results, []);
  assert.deepEqual(run.tool.driver.rules.map((x) => x.id), RULES.map((x) => x.id));
  for (const rule of run.tool.driver.rules) {
    const meta = RULES.find((m) => m.id === rule.id);
    assert.ok(meta);
    assert.equal(rule.helpUri, DOCS_BASE + meta.doc);
    assert.equal(rule.help.markdown, readFileSync(join(ROOT, meta.doc), 'utf8'), `${rule.id}: help is the docs page`);
  }
  assert.equal(run.originalUriBaseIds?.[SRCROOT].uri, `file://${ROOT}/`);
});

test('SARIF result for a SOCKET_ERROR return without *lpErrno (needs the core)', () => {
  const r = wsplint(['check', '--format', 'sarif', 'test/cli/fixtures/errno-not-set.c']);
  assert.equal(r.code, 1, r.stderr);
  const log = parseJson<SarifLog>(r.stdout);
  assertSarifShape(log);
  const res = log.runs[0].results.find((x) => x.ruleId === 'errno-not-set');
  assert.ok(res, r.stdout);
  assert.equal(res.level, 'error');
  assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: 'test/cli/fixtures/errno-not-set.c', uriBaseId: SRCROOT });
  assert.equal(res.locations[0].physicalLocation.region?.startLine, ERRNO_LINE);
  assert.equal(res.locations[0].physicalLocation.region?.startColumn, ERRNO_COLUMN);
  assert.ok((res.codeFlows?.[0].threadFlows[0].locations.length ?? 0) > 0, 'the path is a codeFlow');
});

test('SARIF fingerprints survive lines inserted above the finding (needs the core)', () => {
  const { dir, cleanup } = tempDir();
  try {
    const text = readFileSync(ERRNO_FIXTURE, 'utf8');
    const fingerprints = (): [number | undefined, string | undefined][] => {
      const r = wsplint(['check', '--format', 'sarif', 'p.c'], dir);
      assert.equal(r.code, 1, r.stderr);
      return parseJson<SarifLog>(r.stdout).runs[0].results.map((x) => [x.locations[0].physicalLocation.region?.startLine, x.partialFingerprints[FINGERPRINT_KEY]]);
    };
    writeFileSync(join(dir, 'p.c'), text);
    const before = fingerprints();
    writeFileSync(join(dir, 'p.c'), `/* new header */\n\n#define UNUSED 1\n${text}`);
    const after = fingerprints();
    assert.ok(before.length > 0);
    assert.deepEqual(after.map(([l]) => (l ?? 0) - 3), before.map(([l]) => l), 'lines moved by 3');
    assert.deepEqual(after.map(([, f]) => f), before.map(([, f]) => f), 'fingerprints did not move');
  } finally {
    cleanup();
  }
});

/** Path of the Multitool binary for this platform, or null where the npm package ships none. */
function multitool(): string | null {
  try {
    // The package's main export is the path of its platform's native executable.
    const path = require('@microsoft/sarif-multitool') as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

interface ValidationResult {
  level?: string;
  ruleId: string;
  message: { text: string };
}

/** Runs `Sarif.Multitool validate` and returns its findings about the file (its exit code is 0 either way). */
function validate(file: string, dir: string): ValidationResult[] {
  const tool = multitool();
  assert.ok(tool, 'the SARIF Multitool (devDependency @microsoft/sarif-multitool) is installed');
  const out = join(dir, 'validation.sarif');
  // SARIF2006 fetches every URI in the log over HTTP; tests stay off the network.
  const config = join(dir, 'multitool.config.xml');
  writeFileSync(
    config,
    `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key='SARIF2006.UrisShouldBeReachable.Options'>
    <Property Key='RuleEnabled' Value='Disabled' />
  </Properties>
</Properties>
`,
  );
  // Rule kinds: the SARIF spec's own rules plus GitHub code scanning's ingestion rules (GH*).
  const args = ['validate', file, '--config', config, '--rule-kind', 'Sarif;Gh', '--output', out, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note'];
  const r = spawnSync(tool, args, { encoding: 'utf8', timeout: 120_000 });
  if (process.env.WSPLINT_DEBUG_SARIF) console.log(r.stdout);
  assert.equal(r.status, 0, `multitool failed: ${r.stdout}${r.stderr}`);
  return parseJson<SarifLog>(readFileSync(out, 'utf8')).runs[0].results as unknown as ValidationResult[];
}

function explain(results: ValidationResult[]): string {
  return results.map((x) => `${x.level ?? 'warning'} ${x.ruleId}: ${x.message.text}`).join('\n');
}

const hasMultitool = process.platform === 'linux' || process.platform === 'win32' || process.platform === 'darwin';

test('the SARIF Multitool finds no error or warning in our SARIF', { skip: !hasMultitool && 'no Multitool build for this platform' }, () => {
  const { dir, cleanup } = tempDir();
  try {
    // Hand-built findings (paths, all severities, a skipped file) with the real rule docs.
    const handBuilt = join(dir, 'hand-built.sarif');
    writeFileSync(
      handBuilt,
      formatSarif(sampleFindings(), {
        cwd: dir,
        toolVersion: '0.1.0',
        ruleDocs: loadRuleDocs(ROOT),
        skipped: [{ path: 'blob.c', reason: 'binary file (NUL byte in the first 8 KiB)' }],
      }),
    );
    // And the CLI's own output, with a skipped binary file and whatever the core finds.
    copyFileSync(ERRNO_FIXTURE, join(dir, 'bad.c'));
    copyFileSync(CLEAN_FIXTURE, join(dir, 'good.c'));
    writeFileSync(join(dir, 'blob.c'), Buffer.from([1, 0, 2, 0]));
    const cli = wsplint(['check', '.', '--format', 'sarif', '--output', 'cli.sarif'], dir);
    assert.ok(cli.code === 0 || cli.code === 1, cli.stderr);
    for (const file of [handBuilt, join(dir, 'cli.sarif')]) {
      const problems = validate(file, dir).filter((x) => (x.level ?? 'warning') !== 'note');
      assert.equal(problems.length, 0, `${file}:\n${explain(problems)}`);
    }
  } finally {
    cleanup();
  }
});

test('the Multitool check can fail: it reports a broken log', { skip: !hasMultitool && 'no Multitool build for this platform' }, () => {
  const { dir, cleanup } = tempDir();
  try {
    const broken = join(dir, 'broken.sarif');
    writeFileSync(broken, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r', locations: [] }] }] }));
    const problems = validate(broken, dir).filter((x) => x.level === 'error');
    assert.ok(problems.length > 0, 'a result without a message is an error');
  } finally {
    cleanup();
  }
});
