/** The extension manifest mirrors the server's one settings schema (server/src/lsp/settings.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
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

const MANIFEST_PATH = join(ROOT, 'package.json');
const expected = Object.fromEntries(Object.entries(SETTINGS_SCHEMA).map(([k, v]) => [`wsplint.${k}`, JSON.parse(JSON.stringify(v)) as unknown]));

// WSPLINT_UPDATE=1 rewrites the manifest's copy from the schema (after adding a rule or a setting).
if (process.env.WSPLINT_UPDATE === '1') {
  const raw = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Manifest;
  const props = raw.contributes.configuration.properties;
  const clientOnly = Object.fromEntries(CLIENT_ONLY.filter((k) => k in props).map((k) => [k, props[k]]));
  raw.contributes.configuration.properties = { ...expected, ...clientOnly };
  writeFileSync(MANIFEST_PATH, JSON.stringify(raw, null, 2) + '\n');
}

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Manifest;

test('package.json contributes.configuration equals the server schema, key by key', () => {
  const props = manifest.contributes.configuration.properties;
  for (const [key, schema] of Object.entries(expected)) {
    assert.deepEqual(props[key], schema, `package.json ${key} differs from SETTINGS_SCHEMA.${key.slice(8)} (rerun this test with WSPLINT_UPDATE=1 to copy it)`);
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
