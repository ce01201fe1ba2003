/** The three report formats, on hand-built findings (independent of the analysis core). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson, toJsonReport } from '../../server/src/core/report/json';
import { sortFindings } from '../../server/src/core/report/order';
import { parseRuleDoc } from '../../server/src/core/report/rule-docs';
import { artifactLocation, FINGERPRINT_KEY, SRCROOT, toSarif } from '../../server/src/core/report/sarif';
import { formatText, summaryLine } from '../../server/src/core/report/text';
import { RULES } from '../../server/src/core/rules/registry';
import { finding, sampleFindings, step } from './sample-findings';

test('text: file:line:col: severity rule: message, indented steps, summary', () => {
  const [a, b] = sampleFindings();
  const out = formatText([a, b], { checked: 2, skipped: 1 });
  assert.equal(
    out,
    [
      'src/provider.c:42:9: error errno-not-set: WSPConnect returns SOCKET_ERROR without setting *lpErrno on this path',
      '    src/provider.c:31: branch taken: Context == NULL',
      '    src/provider.c:42: returns SOCKET_ERROR',
      'src/provider.c:58:5: info undocumented-error: *lpErrno = WSAEHOSTUNREACH: not documented for WSPConnect (ws2_32 expects it from providers)',
      '    src/map status.c:13: MapStatus returns WSAEHOSTUNREACH',
      '2 findings (1 error, 1 info) in 2 files checked, 1 skipped',
      '',
    ].join('\n'),
  );
});

test('text: summary wording', () => {
  assert.equal(summaryLine([], { checked: 1, skipped: 0 }), 'no findings in 1 file checked');
  assert.equal(summaryLine([], { checked: 3, skipped: 2 }), 'no findings in 3 files checked, 2 skipped');
  const w = finding({ line: 1, severity: 'warning' });
  assert.equal(summaryLine([w, w], { checked: 1, skipped: 0 }), '2 findings (2 warnings) in 1 file checked');
});

test('json: exact keys, 1-based positions, exclusive end column, steps', () => {
  const report = toJsonReport([sampleFindings()[0]]);
  assert.deepEqual(report, {
    version: 1,
    findings: [
      {
        file: 'src/provider.c',
        line: 42,
        column: 9,
        endLine: 42,
        endColumn: 29,
        rule: 'errno-not-set',
        severity: 'error',
        message: 'WSPConnect returns SOCKET_ERROR without setting *lpErrno on this path',
        function: 'WSPConnect',
        steps: [
          { file: 'src/provider.c', line: 31, message: 'branch taken: Context == NULL' },
          { file: 'src/provider.c', line: 42, message: 'returns SOCKET_ERROR' },
        ],
      },
    ],
  });
  assert.deepEqual(JSON.parse(formatJson([])), { version: 1, findings: [] });
});

test('order: files as checked, then position, then rule', () => {
  const f1 = finding({ file: 'b.c', line: 5, column: 2, rule: 'non-wsa-error' });
  const f2 = finding({ file: 'b.c', line: 5, column: 2, rule: 'bad-return-value' });
  const f3 = finding({ file: 'b.c', line: 1 });
  const f4 = finding({ file: 'a.c', line: 9 });
  const f5 = finding({ file: 'zz-helper.c', line: 0 });
  const sorted = sortFindings([f1, f5, f2, f4, f3], ['b.c', 'a.c']);
  assert.deepEqual(sorted, [f3, f2, f1, f4, f5]);
});

test('sarif: one run, every rule with help and helpUri, results with codeFlows', () => {
  const docs = new Map([['errno-not-set' as const, parseRuleDoc('# errno-not-set\n\nA path returns `SOCKET_ERROR`.\n\n## Why\n\nBecause.\n')]]);
  const log = toSarif(sampleFindings(), { cwd: '/work/repo', toolVersion: '1.2.3', ruleDocs: docs });
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'wsplint');
  assert.equal(driver.version, '1.2.3');
  assert.match(driver.informationUri, /^https:\/\//);
  assert.deepEqual(driver.rules.map((r) => r.id), RULES.map((r) => r.id));
  const errnoRule = driver.rules[0];
  assert.equal(errnoRule.fullDescription.text, 'A path returns SOCKET_ERROR.');
  assert.equal(errnoRule.help.markdown, '# errno-not-set\n\nA path returns `SOCKET_ERROR`.\n\n## Why\n\nBecause.\n');
  assert.match(errnoRule.help.text, /^errno-not-set\n\nA path returns SOCKET_ERROR\./);
  assert.match(errnoRule.helpUri, /docs\/rules\/errno-not-set\.md$/);
  assert.equal(errnoRule.defaultConfiguration.level, 'error');
  // Rules without a page still get help (their title), and info maps to SARIF's "note".
  const unused = driver.rules.find((r) => r.id === 'unused-suppression');
  assert.equal(unused?.help.text, unused?.shortDescription.text);
  assert.equal(unused?.defaultConfiguration.level, 'note');

  assert.equal(run.originalUriBaseIds?.[SRCROOT].uri, 'file:///work/repo/');
  const [r0, r1, r2] = run.results;
  assert.equal(r0.ruleId, 'errno-not-set');
  assert.equal(driver.rules[r0.ruleIndex].id, 'errno-not-set');
  assert.equal(driver.rules[r1.ruleIndex].id, 'undocumented-error');
  assert.equal(r1.level, 'note');
  assert.equal(r2.level, 'warning');
  assert.deepEqual(r0.locations[0].physicalLocation, {
    artifactLocation: { uri: 'src/provider.c', uriBaseId: SRCROOT },
    region: { startLine: 42, startColumn: 9, endLine: 42, endColumn: 29 },
  });
  assert.deepEqual(r0.locations[0].logicalLocations, [{ name: 'WSPConnect', kind: 'function' }]);
  assert.equal(r0.message.text.endsWith('.'), true);
  const flow = r0.codeFlows?.[0].threadFlows[0].locations ?? [];
  assert.deepEqual(
    flow.map((l) => [l.location.physicalLocation.region?.startLine, l.location.message?.text]),
    [
      [31, 'branch taken: Context == NULL'],
      [42, 'returns SOCKET_ERROR'],
    ],
  );
  // A space in a file name is percent-encoded in the URI.
  assert.equal(r1.codeFlows?.[0].threadFlows[0].locations[0].location.physicalLocation.artifactLocation.uri, 'src/map%20status.c');
  assert.equal(r2.codeFlows, undefined, 'no empty codeFlows for a finding without steps');
});

test('sarif: fingerprints do not depend on line numbers and stay unique', () => {
  const at = (line: number) => finding({ line, steps: [step(line - 3, 'branch taken'), step(line, 'returns SOCKET_ERROR')] });
  const before = toSarif([at(10)], { cwd: '/r', toolVersion: '0' }).runs[0].results[0];
  const after = toSarif([at(25)], { cwd: '/r', toolVersion: '0' }).runs[0].results[0];
  assert.notEqual(before.locations[0].physicalLocation.region?.startLine, after.locations[0].physicalLocation.region?.startLine);
  assert.deepEqual(before.partialFingerprints, after.partialFingerprints);
  assert.ok(before.partialFingerprints[FINGERPRINT_KEY]);
  const twice = toSarif([at(10), at(30)], { cwd: '/r', toolVersion: '0' }).runs[0].results;
  assert.notEqual(twice[0].partialFingerprints[FINGERPRINT_KEY], twice[1].partialFingerprints[FINGERPRINT_KEY]);
  const otherRule = toSarif([finding({ line: 10, fingerprint: 'x|WSPConnect|return SOCKET_ERROR;' })], { cwd: '/r', toolVersion: '0' });
  assert.notEqual(otherRule.runs[0].results[0].partialFingerprints[FINGERPRINT_KEY], before.partialFingerprints[FINGERPRINT_KEY]);
});

test('sarif: skipped files become tool notifications', () => {
  const log = toSarif([], { cwd: '/r', toolVersion: '0', skipped: [{ path: 'blob.c', reason: 'binary file' }] });
  const inv = log.runs[0].invocations[0];
  assert.equal(inv.executionSuccessful, true);
  assert.equal(inv.toolExecutionNotifications?.[0].message.text, 'Skipped blob.c: binary file.');
  assert.deepEqual(log.runs[0].results, []);
});

test('sarif: artifact URIs relative to the working folder, absolute outside it', () => {
  assert.deepEqual(artifactLocation('src/a b.c', '/w'), { uri: 'src/a%20b.c', uriBaseId: SRCROOT });
  assert.deepEqual(artifactLocation('/w/x/y.c', '/w'), { uri: 'x/y.c', uriBaseId: SRCROOT });
  assert.deepEqual(artifactLocation('../other/y.c', '/w/repo'), { uri: 'file:///w/other/y.c' });
  assert.deepEqual(artifactLocation('..hidden.c', '/w'), { uri: '..hidden.c', uriBaseId: SRCROOT });
});
