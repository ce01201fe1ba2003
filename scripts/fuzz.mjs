// `npm run fuzz -- [options]`: bundles the fuzzer (test/fuzz/) into out/fuzz/ and runs it.
// Options are the fuzzer's (see test/fuzz/fuzz.ts); `--bundle-only` stops after bundling.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const bundleOnly = args.includes('--bundle-only');
// One folder per run: a test that bundles must not rewrite the child script of a run in progress.
const outdir = bundleOnly ? join(root, 'out', 'fuzz') : join(root, 'out', 'fuzz', `run-${process.pid}`);

await build({
  entryPoints: { fuzz: join(root, 'test/fuzz/fuzz.ts'), child: join(root, 'test/fuzz/child.ts') },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  packages: 'external',
  define: { 'import.meta.url': '__wsplint_import_meta_url', 'process.env.WSPLINT_ROOT': JSON.stringify(root) },
  banner: { js: "var __wsplint_import_meta_url = require('url').pathToFileURL(__filename).href;" },
});
if (bundleOnly) process.exit(0);
const r = spawnSync(process.execPath, ['--enable-source-maps', join(outdir, 'fuzz.js'), ...args], { stdio: 'inherit', cwd: root });
rmSync(outdir, { recursive: true, force: true });
process.exit(r.status ?? 1);
