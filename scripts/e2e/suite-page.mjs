// Runs the extension-host suite inside code-server: the workbench URL carries VS Code's test payload
// (extensionDevelopmentPath = an empty host extension, so the wsplint extension under test is the one
// installed from the .vsix; extensionTestsPath = the bundled suite). The workbench reports the suite's
// exit code through window.codeAutomationExit; per-test results come from the file the suite writes.
import { writeFileSync } from 'node:fs';
import { consoleText } from './browser.mjs';
import { recordSuiteResults } from './suite-results.mjs';

export async function runSuite({ context, base, port, workspace, hostExtension, suiteDir, results, tally, log, consoleLog, timeoutMs, signal }) {
  const page = context.pages()[0] ?? (await context.newPage());
  const lines = [];
  // The extension host's console (mocha's spec reporter among it) arrives here through the log service.
  page.on('console', async (m) => lines.push(`[${m.type()}] ${await consoleText(m)}`));
  page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));

  let onExit;
  const exited = new Promise((resolve) => (onExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => onExit(code));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(hostExtension)],
    ['extensionTestsPath', remote(suiteDir)],
  ];
  log('extension-host suite: opening the test payload URL');
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const aborted = new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
  const code = await Promise.race([exited, timedOut, aborted]);
  clearTimeout(timer);
  signal.throwIfAborted();
  writeFileSync(consoleLog, lines.join('\n') + '\n');
  log(`extension-host suite exited with ${code}; page console in ${consoleLog}`);
  await page.close().catch(() => {});

  if (code === 'timeout') {
    tally.fail('extension-host suite', new Error(`did not finish within ${timeoutMs} ms (page console in ${consoleLog})`));
    return;
  }
  recordSuiteResults(tally, results, code, consoleLog);
}
