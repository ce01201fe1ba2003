/**
 * Key constraints of the SARIF 2.1.0 schema and of the spec's prose, checked by hand: the Multitool
 * validator lets some through (an unknown `level` string, for one), and it is not available on every
 * platform.
 */
import assert from 'node:assert/strict';
import type { SarifLocation, SarifLog } from '../../server/src/core/report/sarif-types';

const LEVELS = new Set(['none', 'note', 'warning', 'error']);

export function assertSarifShape(log: SarifLog): void {
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /^https:\/\/.*sarif-schema-2\.1\.0\.json$/);
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1, 'exactly one run');
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.ok(driver.name.length > 0);
  assert.ok(driver.version.length > 0);
  assert.doesNotThrow(() => new URL(driver.informationUri));
  const ids = driver.rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  for (const r of driver.rules) {
    assert.ok(r.shortDescription.text.length > 0 && r.fullDescription.text.length > 0, `${r.id} descriptions`);
    assert.ok(r.help.text.length > 0, `${r.id} help text`);
    assert.doesNotThrow(() => new URL(r.helpUri), `${r.id} helpUri is an absolute URI`);
    assert.ok(LEVELS.has(r.defaultConfiguration.level));
  }
  const bases = run.originalUriBaseIds ?? {};
  for (const [k, v] of Object.entries(bases)) assert.match(v.uri, /^file:\/\/.*\/$/, `${k} is an absolute URI ending in /`);
  const checkLocation = (l: SarifLocation): void => {
    const a = l.physicalLocation.artifactLocation;
    assert.ok(!a.uri.includes('\\') && !/\s/.test(a.uri), `URI has no backslash or space: ${a.uri}`);
    if (a.uriBaseId) {
      assert.ok(a.uriBaseId in bases, `uriBaseId ${a.uriBaseId} is defined`);
      assert.ok(!/^[a-z]+:/.test(a.uri), 'a URI with a base is relative');
    } else {
      assert.doesNotThrow(() => new URL(a.uri), 'a URI without a base is absolute');
    }
    const g = l.physicalLocation.region;
    if (g) {
      assert.ok(Number.isInteger(g.startLine) && g.startLine >= 1, 'startLine >= 1');
      if (g.startColumn !== undefined) assert.ok(g.startColumn >= 1, 'startColumn >= 1');
      if (g.endLine !== undefined) assert.ok(g.endLine >= g.startLine, 'endLine >= startLine');
      if (g.endColumn !== undefined && g.endLine === g.startLine) assert.ok(g.endColumn >= (g.startColumn ?? 1));
    }
  };
  for (const res of run.results) {
    assert.ok(LEVELS.has(res.level), `level ${res.level}`);
    assert.equal(driver.rules[res.ruleIndex]?.id, res.ruleId, 'ruleIndex points at ruleId');
    assert.ok(res.message.text.length > 0);
    assert.ok(res.locations.length > 0);
    res.locations.forEach(checkLocation);
    for (const flow of res.codeFlows ?? []) {
      assert.ok(flow.threadFlows.length > 0);
      for (const tf of flow.threadFlows) {
        assert.ok(tf.locations.length > 0, 'threadFlow.locations has at least one item');
        tf.locations.forEach((t) => checkLocation(t.location));
      }
    }
    const fps = Object.values(res.partialFingerprints);
    assert.ok(fps.length > 0 && fps.every((v) => typeof v === 'string' && v.length > 0));
  }
  for (const n of run.invocations[0]?.toolExecutionNotifications ?? []) {
    assert.ok(LEVELS.has(n.level));
    n.locations?.forEach(checkLocation);
  }
}
