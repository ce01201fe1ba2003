// Overhead over the floor: on one generated 10k-line C document, the analyzer's time against tree-sitter's
// parse time of the same (macro-blanked) text, in one process (bench/probe/overhead.ts), per backend.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateDocument, generatorVersion } from '../gen/generate.mjs';
import { timed } from '../lib/timed.mjs';

export async function bundleProbe(root, outDir) {
  const outfile = join(outDir, 'overhead.js');
  await build({
    entryPoints: [join(root, 'bench', 'probe', 'overhead.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
    define: { 'import.meta.url': '__bench_import_meta_url' },
    banner: { js: "var __bench_import_meta_url = require('url').pathToFileURL(__filename).href;" },
  });
  for (const g of ['tree-sitter-c.wasm', 'tree-sitter-cpp.wasm', 'web-tree-sitter.wasm']) copyFileSync(join(root, 'grammars', g), join(outDir, g));
  return outfile;
}

export function cachedDocument(cacheDir, lines) {
  const path = join(cacheDir, `doc-${lines}-${generatorVersion()}.c`);
  if (!existsSync(path)) writeFileSync(path, generateDocument(lines));
  return path;
}

export async function overhead({ root, outDir, cacheDir, lines = 10_000, log }) {
  const probe = await bundleProbe(root, outDir);
  const doc = cachedDocument(cacheDir, lines);
  const out = {};
  for (const backend of ['native', 'wasm']) {
    log(`overhead: ${lines}-line document, ${backend}`);
    // The analyzer picks its parser from WSPLINT_PARSER: both the floor and the analysis use this backend.
    const r = await timed(process.execPath, [probe, '--backend', backend, '--rounds', '5', doc], { env: { ...process.env, WSPLINT_PARSER: backend } });
    if (r.code !== 0) {
      out[backend] = { error: r.stderr.trim().split('\n')[0] };
      continue;
    }
    out[backend] = JSON.parse(r.stdout);
  }
  return out;
}
