/// <reference types="mocha" />
/**
 * Entry of the extension-host suite (the layout @vscode/test-electron runs: `run()` in `index`), bundled by
 * scripts/e2e/build-suite.mjs into out/e2e/suite/. Runs every *.test.js beside it with mocha; when
 * WSPLINT_E2E_RESULTS names a file, writes the per-test outcome there for the runner's closing tally.
 */
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { skipReasons } from './support/pending';

export interface SuiteResults {
  passed: string[];
  failed: { title: string; error: string }[];
  pending: { title: string; reason: string }[];
}

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec', grep: process.env.WSPLINT_E2E_GREP });
  const files = readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(join(__dirname, f));
  const results: SuiteResults = { passed: [], failed: [], pending: [] };
  const out = process.env.WSPLINT_E2E_RESULTS;
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (out) writeFileSync(out, JSON.stringify(results, null, 2));
        if (files.length === 0) reject(new Error(`no *.test.js files in ${__dirname}`));
        else if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => results.passed.push(t.fullTitle()));
      runner.on('fail', (t, err) => results.failed.push({ title: t.fullTitle(), error: errorText(err) }));
      runner.on('pending', (t) => results.pending.push({ title: t.fullTitle(), reason: skipReasons().get(t.fullTitle()) ?? 'marked pending' }));
    } catch (e) {
      if (out) writeFileSync(out, JSON.stringify({ ...results, failed: [{ title: 'loading the suite', error: errorText(e) }] }, null, 2));
      reject(e);
    }
  });
}
