/** The extension manifest's side of snippet runs: commands, and settings an untrusted workspace cannot set. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Commands } from '../../server/src/lsp/protocol';

const ROOT = process.env.WSPLINT_ROOT ?? '.';
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus?: { commandPalette?: { command: string; when?: string }[] } };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations?: string[] } };
};
const client = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');

test('the insert-template command is declared and registered by the client', () => {
  assert.ok(manifest.contributes.commands.some((c) => c.command === 'wsplint.insertSnippet'));
  assert.match(client, /registerCommand\('wsplint\.insertSnippet'/);
  assert.ok(manifest.contributes.menus?.commandPalette?.some((m) => m.command === 'wsplint.insertSnippet' && /editorLangId == c\b/.test(m.when ?? '')));
});

test('server commands are not registered by the client (the language client does it; a second registration fails)', () => {
  for (const id of [Commands.runSnippet, Commands.cancelRun]) assert.doesNotMatch(client, new RegExp(`registerCommand\\('${id.replace('.', '\\.')}'`));
});

test('the client tells the server whether the workspace is trusted, and native-run settings are restricted', () => {
  assert.match(client, /workspaceTrusted: vscode\.workspace\.isTrusted/);
  assert.match(client, /onDidGrantWorkspaceTrust/);
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['wsplint.runAllowNet', 'wsplint.runNativeStack']);
});
