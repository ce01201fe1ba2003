/** The extension manifest mirrors the server's one settings schema (server/src/lsp/settings.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, readSettings, SETTINGS_SCHEMA } from '../../server/src/lsp/settings';
import { RULES } from '../../server/src/core';

const ROOT = process.env.WSPLINT_ROOT ?? '.';
/** Settings the extension itself reads; the server does not know them. */
const CLIENT_ONLY = ['wsplint.trace.server'];

interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string }[] };
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited' } };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

test('package.json contributes.configuration equals the server schema, key by key', () => {
  const props = manifest.contributes.configuration.properties;
  const expected = Object.fromEntries(Object.entries(SETTINGS_SCHEMA).map(([k, v]) => [`wsplint.${k}`, v]));
  for (const [key, schema] of Object.entries(expected)) {
    assert.deepEqual(props[key], JSON.parse(JSON.stringify(schema)), `package.json ${key} differs from SETTINGS_SCHEMA.${key.slice(8)}: copy ${JSON.stringify(schema)}`);
  }
  assert.deepEqual(Object.keys(props).filter((k) => !(k in expected) && !CLIENT_ONLY.includes(k)), [], 'settings in package.json the server does not know');
});

test('every rule can be given a severity, and the defaults validate cleanly', () => {
  assert.deepEqual(Object.keys(SETTINGS_SCHEMA.severity.properties ?? {}), RULES.map((r) => r.id));
  const { settings, problems } = readSettings(JSON.parse(JSON.stringify(defaultSettings())));
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, defaultSettings());
});

test('the manifest activates on C and C++, declares its commands and limited untrusted-workspace support', () => {
  assert.equal(manifest.main, './dist/client.js');
  assert.deepEqual(manifest.activationEvents, ['onLanguage:c', 'onLanguage:cpp']);
  const commands = manifest.contributes.commands.map((c) => c.command);
  assert.ok(commands.includes('wsplint.reanalyzeWorkspace'));
  assert.ok(commands.includes('wsplint.showOutput'));
  // The server registers its own command ids; a manifest command with the same id would clash.
  assert.ok(!commands.includes('wsplint.openRuleDocs'));
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
});
