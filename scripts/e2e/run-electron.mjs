// Runner A of the e2e suite (`npm run test:e2e:electron`): the standard @vscode/test-electron way, for
// machines that can download VS Code (and have a display, or run it under xvfb-run). Installs the
// packaged .vsix into a fresh extensions dir and runs the same suite as the code-server runner.
// Where VS Code cannot be downloaded it fails with a message that says so and points to `npm run test:e2e`.
//   --no-build, WSPLINT_E2E_VSIX, WSPLINT_E2E_TIMEOUT_MS, WSPLINT_E2E_KEEP: as for scripts/e2e/run.mjs
//   WSPLINT_E2E_VSCODE_VERSION   VS Code to download (default 1.100.3, the version code-server 4.100.3 serves)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, root } from './build-suite.mjs';
import { buildProject, runMain } from './lifecycle.mjs';
import { packageVsix } from './package-vsix.mjs';
import { recordSuiteResults } from './suite-results.mjs';

const args = new Set(process.argv.slice(2));
const VERSION = process.env.WSPLINT_E2E_VSCODE_VERSION || '1.100.3';
const CACHE = join(process.env.WSPLINT_E2E_CACHE || join(homedir(), '.cache', 'wsplint-e2e'), 'vscode-test');
const log = (m) => console.log(`[e2e:electron] ${m}`);

async function main({ tally, onFinally }) {
  if (!args.has('--no-build')) buildProject(root, log);
  const suite = await buildSuite();
  const tmp = mkdtempSync(join(tmpdir(), 'wsplint-e2e-electron-'));
  onFinally(() => (process.env.WSPLINT_E2E_KEEP ? log(`kept ${tmp}`) : rmSync(tmp, { recursive: true, force: true, maxRetries: 5 })));
  const dirs = { userData: join(tmp, 'user-data'), extensions: join(tmp, 'extensions'), workspace: join(tmp, 'workspace') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  cpSync(join(root, 'test', 'e2e', 'fixtures'), dirs.workspace, { recursive: true });
  const vsix = packageVsix({ root, tmp, log });

  const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = await import('@vscode/test-electron');
  let vscodeExecutablePath;
  try {
    log(`VS Code ${VERSION}: downloading into ${CACHE} unless cached`);
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VERSION, cachePath: CACHE, timeout: 30_000 });
  } catch (e) {
    throw new Error(
      `could not download VS Code ${VERSION} (${e instanceof Error ? e.message : String(e)}). ` +
        '@vscode/test-electron needs to reach the VS Code download servers; on a machine without that route ' +
        '(such as the project machines) run the same suite with `npm run test:e2e` (code-server + chromium).',
    );
  }

  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  const inst = spawnSync(cli, [...cliArgs.filter((a) => !a.startsWith('--extensions-dir') && !a.startsWith('--user-data-dir')), ...common, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (inst.status !== 0) throw new Error(`installing ${vsix} failed:\n${inst.stdout}${inst.stderr}`);
  log(`installed ${vsix}`);

  const results = join(tmp, 'suite-results.json');
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: join(root, 'test', 'e2e', 'host-extension'),
      extensionTestsPath: suite.dir,
      extensionTestsEnv: { WSPLINT_E2E_RESULTS: results, WSPLINT_E2E_EXTENSIONS_DIR: dirs.extensions },
      launchArgs: [dirs.workspace, ...common, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
    });
  } catch (e) {
    code = e && typeof e === 'object' && 'code' in e ? e.code : String(e);
  }
  recordSuiteResults(tally, results, code, 'the output above');
}

runMain(main, { timeoutMs: Number(process.env.WSPLINT_E2E_TIMEOUT_MS || 900_000) });
