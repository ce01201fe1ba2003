/// <reference types="mocha" />
/** The lightbulb: each safe fix changes the text as promised and its finding goes away. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, waitForFix } from './support/actions';
import { codeOf, describeDiagnostics, expectations, hasDiagnostic, lineOf, openFixture, revertAndClose, waitForDiagnostics } from './support/fixtures';

const QUICKFIX = vscode.CodeActionKind.QuickFix;

describe('quick fixes', () => {
  afterEach(revertAndClose);

  it('errno-not-set: inserts *lpErrno = WSAENOTSOCK; before the bare return after the failed lookup', async () => {
    const doc = await openFixture('errno-not-set.c');
    const before = doc.getText();
    const [e] = expectations(doc).filter((x) => x.rule === 'errno-not-set');
    const ds = await waitForDiagnostics(doc.uri, 'errno-not-set', (got) => hasDiagnostic(got, 'errno-not-set', e.line));
    const d = ds.find((x) => codeOf(x) === 'errno-not-set');
    assert.ok(d);
    const fix = await waitForFix(doc.uri, d.range, QUICKFIX, /\*lpErrno\s*=/);
    await applyAction(fix);

    const after = doc.getText();
    assert.notEqual(after, before, 'the fix changed nothing');
    // The return must stay under the if: braces are added around the two statements when the if had none.
    assert.match(after, /if \(Context == NULL\)\s*\{\s*\*lpErrno = WSAENOTSOCK;\s*return SOCKET_ERROR;[^\n]*\s*\}/);
    assert.ok(!after.includes('\t'), 'the fix indented with tabs in a file indented with spaces');
    assert.ok(!after.includes('\r'), 'the fix introduced CRLF into an LF file');
    const errnoLine = lineOf(doc, '*lpErrno = WSAENOTSOCK;');
    const ifLine = lineOf(doc, 'if (Context == NULL)');
    const indent = (line: number): number => doc.lineAt(line).firstNonWhitespaceCharacterIndex;
    assert.ok(indent(errnoLine) > indent(ifLine), 'the inserted statement is not indented under the if');

    const left = await waitForDiagnostics(doc.uri, 'errno-not-set to disappear after the fix', (got) => !got.some((x) => codeOf(x) === 'errno-not-set'));
    assert.deepEqual(left, [], `findings after the fix: ${describeDiagnostics(left)}`);
  });

  it('non-wsa-error: replaces ECONNREFUSED with WSAECONNREFUSED, and only that', async () => {
    const doc = await openFixture('error-codes.c');
    const line = lineOf(doc, '*lpErrno = ECONNREFUSED;');
    const original = doc.lineAt(line).text;
    const ds = await waitForDiagnostics(doc.uri, 'non-wsa-error', (got) => hasDiagnostic(got, 'non-wsa-error', line));
    const d = ds.find((x) => codeOf(x) === 'non-wsa-error');
    assert.ok(d);
    await applyAction(await waitForFix(doc.uri, d.range, QUICKFIX, /\bWSAECONNREFUSED\b/));
    assert.equal(doc.lineAt(line).text, original.replace('ECONNREFUSED', 'WSAECONNREFUSED'));
    const left = await waitForDiagnostics(doc.uri, 'non-wsa-error to disappear', (got) => !got.some((x) => codeOf(x) === 'non-wsa-error'));
    assert.ok(left.some((x) => codeOf(x) === 'undocumented-error'), `the other finding went away too: ${describeDiagnostics(left)}`);
  });

  it('undocumented-error: replaces WSAEHOSTUNREACH with WSAENETUNREACH', async () => {
    const doc = await openFixture('error-codes.c');
    const line = lineOf(doc, '*lpErrno = WSAEHOSTUNREACH;');
    const original = doc.lineAt(line).text;
    const ds = await waitForDiagnostics(doc.uri, 'undocumented-error', (got) => hasDiagnostic(got, 'undocumented-error', line));
    const d = ds.find((x) => codeOf(x) === 'undocumented-error');
    assert.ok(d);
    await applyAction(await waitForFix(doc.uri, d.range, QUICKFIX, /\bWSAENETUNREACH\b/));
    assert.equal(doc.lineAt(line).text, original.replace('WSAEHOSTUNREACH', 'WSAENETUNREACH'));
    await waitForDiagnostics(doc.uri, 'undocumented-error to disappear', (got) => !got.some((x) => codeOf(x) === 'undocumented-error'));
  });

  it('source.fixAll.wsplint: applies every safe fix in the file', async () => {
    const doc = await openFixture('error-codes.c');
    const want = expectations(doc);
    await waitForDiagnostics(doc.uri, 'the annotated findings', (got) => want.every((e) => hasDiagnostic(got, e.rule, e.line)));
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    await applyAction(await waitForFix(doc.uri, all, vscode.CodeActionKind.SourceFixAll.append('wsplint'), /WSAE/));
    const text = doc.getText();
    assert.match(text, /\*lpErrno = WSAECONNREFUSED;/);
    assert.match(text, /\*lpErrno = WSAENETUNREACH;/);
    const left = await waitForDiagnostics(doc.uri, 'no findings after fix-all', (got) => got.length === 0);
    assert.deepEqual(left, []);
  });
});
