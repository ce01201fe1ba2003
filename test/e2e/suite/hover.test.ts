/// <reference types="mocha" />
/** Hovering a WSA error code explains it for the function the cursor is in. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, openFixture, revertAndClose } from './support/fixtures';
import { waitFor } from './support/wait';

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function hoverAt(doc: vscode.TextDocument, needle: string, mustMatch: RegExp): Promise<string> {
  const line = lineOf(doc, needle);
  const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf(needle) + 2);
  let last = '';
  return waitFor(
    `a hover on ${needle} matching ${mustMatch}`,
    async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      last = hoverText(hovers ?? []);
      return mustMatch.test(last) ? last : undefined;
    },
    { timeoutMs: 60_000, describe: () => JSON.stringify(last.slice(0, 300)) },
  );
}

describe('hover', () => {
  afterEach(revertAndClose);

  it('on WSAETIMEDOUT inside WSPConnect: its meaning for WSPConnect', async () => {
    const doc = await openFixture('error-codes.c');
    const text = await hoverAt(doc, 'WSAETIMEDOUT', /WSAETIMEDOUT/);
    // The sentence of the WSPConnect reference page, not the generic one of the error-code list.
    assert.match(text, /timed out without establishing a connection/i);
    assert.match(text, /WSPConnect/);
  });

  it('on WSAEHOSTUNREACH inside WSPConnect: says WSPConnect does not document it', async () => {
    const doc = await openFixture('error-codes.c');
    const text = await hoverAt(doc, 'WSAEHOSTUNREACH', /WSAEHOSTUNREACH/);
    assert.match(text, /not documented|undocumented/i);
  });
});
