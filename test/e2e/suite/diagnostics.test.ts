/// <reference types="mocha" />
/** What a person sees in the Problems panel: the installed extension's findings on provider fixtures. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedInstallDir, isInside, wsplintExtension } from './support/extension';
import {
  codeOf,
  describeDiagnostics,
  expectations,
  hasDiagnostic,
  openFixture,
  revertAndClose,
  waitForDiagnostics,
} from './support/fixtures';

describe('diagnostics', () => {
  afterEach(revertAndClose);

  it('the wsplint extension is the one installed from the .vsix', () => {
    const ext = wsplintExtension();
    const dir = expectedInstallDir();
    if (dir) assert.ok(isInside(dir, ext.extensionPath), `extension loaded from ${ext.extensionPath}, not from the installed package under ${dir}`);
    assert.equal(ext.packageJSON.publisher, 'wsplint');
  });

  for (const fixture of ['errno-not-set.c', 'error-codes.c']) {
    it(`${fixture}: exactly the annotated findings, with source, code and docs link`, async () => {
      const doc = await openFixture(fixture);
      const expected = expectations(doc);
      assert.ok(expected.length > 0, `${fixture} has no "expect:" annotations`);
      const ds = await waitForDiagnostics(
        doc.uri,
        `${expected.map((e) => `${e.rule}@${e.line + 1}`).join(', ')} in ${fixture}`,
        (got) => expected.every((e) => hasDiagnostic(got, e.rule, e.line)),
      );
      const unexpected = ds.filter((d) => !expected.some((e) => codeOf(d) === e.rule && d.range.start.line === e.line));
      assert.deepEqual(unexpected, [], `unexpected findings in ${fixture}: ${describeDiagnostics(unexpected)}`);
      assert.equal(ds.length, expected.length, `duplicate findings in ${fixture}: ${describeDiagnostics(ds)}`);
      for (const d of ds) {
        const rule = codeOf(d) ?? '';
        assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith(`docs/rules/${rule}.md`), `${rule}: code has no link to docs/rules/${rule}.md`);
        const text = doc.getText(d.range);
        assert.ok(text.trim().length > 0, `${rule}: empty range at line ${d.range.start.line + 1}`);
        assert.ok(d.message.length > 0, `${rule}: empty message`);
      }
    });
  }

  it('errno-not-set: error severity, range on the bare return, the path as related information', async () => {
    const doc = await openFixture('errno-not-set.c');
    const [e] = expectations(doc).filter((x) => x.rule === 'errno-not-set');
    const ds = await waitForDiagnostics(doc.uri, 'errno-not-set', (got) => hasDiagnostic(got, 'errno-not-set', e.line));
    const d = ds.find((x) => codeOf(x) === 'errno-not-set');
    assert.ok(d);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(doc.getText(d.range), /SOCKET_ERROR/, 'the range does not cover the return of SOCKET_ERROR');
    const related = d.relatedInformation ?? [];
    // VS Code shows related information, so the path must be there rather than folded into the message.
    assert.ok(related.length > 0, 'the path to the return is not given as relatedInformation');
    for (const r of related) assert.equal(r.location.uri.toString(), doc.uri.toString(), 'a path step points into another file');
  });

  it('error-codes.c: the ranges cover the offending codes', async () => {
    const doc = await openFixture('error-codes.c');
    const want = expectations(doc);
    const ds = await waitForDiagnostics(doc.uri, 'non-wsa-error and undocumented-error', (got) => want.every((e) => hasDiagnostic(got, e.rule, e.line)));
    const covered = (rule: string): string => {
      const d = ds.find((x) => codeOf(x) === rule);
      assert.ok(d, `no ${rule} finding`);
      return doc.getText(d.range);
    };
    assert.match(covered('non-wsa-error'), /\bECONNREFUSED\b/);
    assert.match(covered('undocumented-error'), /\bWSAEHOSTUNREACH\b/);
  });
});
