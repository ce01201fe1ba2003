// Runner B of the e2e suite (`npm run test:e2e`): the packaged extension in a real VS Code workbench
// (code-server) driven by Debian's chromium through playwright-core. Builds, packages the .vsix,
// installs code-server once per machine, installs the .vsix into a fresh extensions dir, runs the
// extension-host suite (test/e2e/suite) through the test payload URL, then checks the page itself.
// Always stops its processes and removes its temp dirs; exits non-zero on any failure.
//   --no-build                skip `node scripts/build.mjs` (npm test has just built)
//   WSPLINT_E2E_VSIX=<file>   test this .vsix instead of packaging one
//   WSPLINT_E2E_TIMEOUT_MS    overall limit (default 900000)
//   WSPLINT_E2E_KEEP=1        keep the temp dir (logs, profile) for a post-mortem
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { buildSuite, root } from './build-suite.mjs';
import { freePort, installExtension, isolatedEnv, startCodeServer, writeUserSettings } from './code-server.mjs';
import { packageVsix } from './package-vsix.mjs';
import { runSuite } from './suite-page.mjs';
import { buildProject, runMain } from './lifecycle.mjs';
import { uiChecks } from './ui-checks.mjs';

const args = new Set(process.argv.slice(2));
const TIMEOUT_MS = Number(process.env.WSPLINT_E2E_TIMEOUT_MS || 900_000);
const outDir = join(root, 'test', 'e2e', 'out');
const log = (m) => console.log(`[e2e] ${m}`);

function pendingRunLens() {
  const listed = JSON.parse(readFileSync(join(root, 'test', 'e2e', 'pending.json'), 'utf8')).pending;
  const override = process.env.WSPLINT_E2E_PENDING;
  if (override !== undefined) return override.split(',').map((s) => s.trim()).includes('run-lens') ? (listed['run-lens'] ?? 'listed in WSPLINT_E2E_PENDING') : undefined;
  return listed['run-lens'];
}

function installCodeServer() {
  const script = join(root, 'scripts', 'e2e', 'install-code-server.sh');
  const r = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status ?? r.signal})`);
  const bin = r.stdout.trim().split('\n').pop();
  if (!bin || !existsSync(bin)) throw new Error(`${script} printed no code-server path`);
  return bin;
}

async function main({ tally, signal, onCleanup, onFinally }) {
  // Screenshots and logs of an earlier run would read as this run's.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  if (!args.has('--no-build')) buildProject(root, log);
  const suite = await buildSuite();
  log(`suite: ${suite.tests} test files bundled into ${suite.dir}`);

  const tmp = mkdtempSync(join(tmpdir(), 'wsplint-e2e-'));
  onFinally(() => (process.env.WSPLINT_E2E_KEEP ? log(`kept ${tmp}`) : rmSync(tmp, { recursive: true, force: true, maxRetries: 5 })));
  const dirs = {
    userData: join(tmp, 'user-data'),
    extensions: join(tmp, 'extensions'),
    home: join(tmp, 'home'),
    profile: join(tmp, 'chromium-profile'),
    wsSuite: join(tmp, 'workspace-suite'),
    wsUi: join(tmp, 'workspace-ui'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.home, '.runtime'), { recursive: true, mode: 0o700 });
  // Two copies of the fixtures: the suite edits documents, the UI checks must see them as on disk.
  cpSync(join(root, 'test', 'e2e', 'fixtures'), dirs.wsSuite, { recursive: true });
  cpSync(join(root, 'test', 'e2e', 'fixtures'), dirs.wsUi, { recursive: true });
  writeUserSettings(dirs.userData);

  const vsix = packageVsix({ root, tmp, log });
  signal.throwIfAborted();
  const bin = installCodeServer();
  signal.throwIfAborted();
  const results = join(tmp, 'suite-results.json');
  const env = isolatedEnv(dirs, { WSPLINT_E2E_RESULTS: results, WSPLINT_E2E_EXTENSIONS_DIR: dirs.extensions });

  const installed = installExtension(bin, dirs, env, vsix);
  signal.throwIfAborted();
  log(`installed ${installed.installed.join(', ')} into a fresh extensions dir`);

  const port = await freePort();
  const logFile = join(tmp, 'code-server.log');
  log(`starting code-server on 127.0.0.1:${port}`);
  onFinally(() => existsSync(logFile) && copyFileSync(logFile, join(outDir, 'code-server.log')));
  const server = await startCodeServer({ bin, port, dirs, env, workspace: dirs.wsSuite, logFile, log, signal, onCleanup });
  signal.throwIfAborted();

  const context = await launchBrowser(dirs.profile, isolatedEnv(dirs));
  onCleanup(() => context.close().catch(() => {}));
  signal.throwIfAborted();

  await runSuite({
    context,
    base: server.base,
    port,
    workspace: dirs.wsSuite,
    hostExtension: join(root, 'test', 'e2e', 'host-extension'),
    suiteDir: suite.dir,
    results,
    tally,
    log,
    consoleLog: join(outDir, 'extension-host.log'),
    timeoutMs: Math.min(TIMEOUT_MS, 600_000),
    signal,
  });

  signal.throwIfAborted();
  log('UI checks in the workbench page');
  await uiChecks({
    context,
    url: `${server.base}/?folder=${encodeURIComponent(dirs.wsUi)}`,
    fixturesDir: dirs.wsUi,
    outDir,
    tally,
    pending: pendingRunLens(),
    log,
  });
}

runMain(main, { timeoutMs: TIMEOUT_MS, afterCleanup: () => console.log(`[e2e] screenshots and logs in ${outDir}`) });
