// Bundles the extension-host suite (test/e2e/suite) into out/e2e/suite: index.js (mocha bundled in) and one
// bundle per *.test.ts. 'vscode' stays external (the extension host provides it); the test files use
// mocha's globals, which index.js installs before it loads them.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteOut = join(root, 'out', 'e2e', 'suite');

export async function buildSuite() {
  const src = join(root, 'test', 'e2e', 'suite');
  const tests = readdirSync(src).filter((n) => n.endsWith('.test.ts')).map((n) => join(src, n));
  if (tests.length === 0) throw new Error(`no *.test.ts in ${src}`);
  rmSync(suiteOut, { recursive: true, force: true });
  await build({
    entryPoints: [join(src, 'index.ts'), ...tests],
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode resolves worker files at run time; the suite runs serially and never loads them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  if (!existsSync(join(suiteOut, 'index.js'))) throw new Error('build-suite: out/e2e/suite/index.js was not written');
  return { dir: suiteOut, tests: tests.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildSuite()
    .then(({ dir, tests }) => console.error(`e2e suite: ${tests} test files bundled into ${dir}`))
    .catch((e) => {
      console.error(`build-suite failed: ${e.message}`);
      process.exit(1);
    });
}
