// Build: copy the tree-sitter grammars out of their npm packages into grammars/ (checking the manifest),
// then bundle the CLI, the language server, the extension client, the runtime worker and the tests.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

/** Grammar files and the package each comes from. */
const grammars = [
  { file: 'tree-sitter-c.wasm', pkg: 'tree-sitter-c' },
  { file: 'tree-sitter-cpp.wasm', pkg: 'tree-sitter-cpp' },
  { file: 'web-tree-sitter.wasm', pkg: 'web-tree-sitter' },
];

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function copyGrammars() {
  const manifestPath = join(root, 'grammars', 'manifest.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : { grammars: [] };
  const next = [];
  for (const g of grammars) {
    const pkgDir = join(root, 'node_modules', g.pkg);
    const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
    const src = join(pkgDir, g.file);
    const dst = join(root, 'grammars', g.file);
    copyFileSync(src, dst);
    const sum = sha256(dst);
    const known = manifest.grammars.find((m) => m.file === g.file);
    if (known && !args.has('--update-manifest') && (known.sha256 !== sum || known.version !== version)) {
      throw new Error(
        `grammars/${g.file}: ${g.pkg}@${version} (sha256 ${sum}) differs from grammars/manifest.json ` +
          `(${known.version}, ${known.sha256}); run "node scripts/build.mjs --update-manifest" if the upgrade is intended`,
      );
    }
    next.push({ file: g.file, package: g.pkg, version, sha256: sum, bytes: statSync(dst).size });
  }
  writeFileSync(manifestPath, JSON.stringify({ note: 'Copied from the npm packages by scripts/build.mjs; checked against these sums on every build.', grammars: next }, null, 2) + '\n');
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (const g of grammars) copyFileSync(join(root, 'grammars', g.file), join(root, 'dist', g.file));
}

function walk(dir, pred, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'out') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // web-tree-sitter's ESM build reads import.meta.url, which a CJS bundle does not have.
  define: { 'import.meta.url': '__wsplint_import_meta_url' },
  banner: { js: "var __wsplint_import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

async function main() {
  copyGrammars();
  const entries = [
    ['server/src/cli.ts', 'dist/cli.js'],
    ['server/src/cli/check-worker.ts', 'dist/check-worker.js'],
    ['server/src/main.ts', 'dist/server.js'],
    ['client/src/extension.ts', 'dist/client.js'],
    ['runtime/src/worker.ts', 'dist/runtime-worker.js'],
  ].filter(([src]) => existsSync(join(root, src)));
  await Promise.all(
    entries.map(([src, out]) =>
      build({ ...common, entryPoints: [join(root, src)], outfile: join(root, out), external: ['vscode'] }),
    ),
  );
  const tests = walk(join(root, 'test'), (p) => p.endsWith('.test.ts') && !p.includes(`${join('test', 'e2e')}`));
  if (tests.length) {
    await build({
      ...common,
      entryPoints: tests,
      outdir: join(root, 'out', 'test'),
      outbase: join(root, 'test'),
      packages: 'external',
      define: { 'process.env.WSPLINT_ROOT': JSON.stringify(root) },
    });
  }
  if (!args.has('--quiet')) console.error(`built ${entries.length} bundles, ${tests.length} test files`);
  void relative;
}

main().catch((e) => {
  console.error(`build failed: ${e.message}`);
  process.exit(1);
});
