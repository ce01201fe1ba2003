// Debian's chromium driven by playwright-core (no browser download), with a throwaway profile.
import { existsSync } from 'node:fs';
import { format } from 'node:util';

export const CHROMIUM = process.env.WSPLINT_E2E_CHROMIUM || '/usr/bin/chromium';

export async function launchBrowser(profileDir, env) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (scripts/e2e/install-code-server.sh does)`);
  const { chromium } = await import('playwright-core');
  // playwright rejects --user-data-dir in args: the profile is the persistent context's folder.
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    env,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page console message as text. The workbench logs as console.log('%c INFO', 'color: ...', format, ...args),
 * which is how the extension host's own console output (mocha's reporter) arrives too.
 */
export async function consoleText(msg) {
  const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '[unserializable]')));
  if (args.length === 0) return msg.text();
  if (typeof args[0] === 'string' && args[0].startsWith('%c') && typeof args[1] === 'string') {
    return `${args[0].slice(2).trim()} ${format(...args.slice(2))}`;
  }
  return format(...args);
}
