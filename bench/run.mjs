// `npm run bench`: builds, then measures the CLI, the analyzer, the language server and two peers, and
// prints one JSON object of figures (also written to out/bench/results.json). Progress goes to stderr.
//
// Environment: BENCH_SECTIONS=throughput,overhead,lsp,memory,peers (default all)
//              BENCH_SIZES=10000,100000,1000000 (tree sizes for throughput)
//              BENCH_LSP_SIZES=1000,10000,50000, BENCH_EDITS=50 (editor latency)
//              BENCH_PEER_SIZES=10000,100000 (generated trees for clang-tidy and spatch; 100k takes ~4 min)
//              BENCH_CACHE=folder for generated trees (default out/bench/cache, git-ignored)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedTree, generatorVersion } from './gen/generate.mjs';
import { lspLatency } from './sections/lsp-latency.mjs';
import { serverMemory } from './sections/memory.mjs';
import { overhead } from './sections/overhead.mjs';
import { peers } from './sections/peers.mjs';
import { throughput } from './sections/throughput.mjs';
import { evaluateGoals } from './goals.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'bench');
const cacheDir = process.env.BENCH_CACHE ?? join(outDir, 'cache');
const sections = new Set((process.env.BENCH_SECTIONS ?? 'throughput,overhead,lsp,memory,peers').split(',').map((s) => s.trim()));
const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const log = (m) => process.stderr.write(`bench: ${m}\n`);

function version(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0].trim();
  } catch {
    return 'missing';
  }
}

async function main() {
  mkdirSync(cacheDir, { recursive: true });
  // Inputs of an older generator are not reused; drop them so the cache does not grow with every change.
  const current = generatorVersion();
  for (const name of readdirSync(cacheDir)) {
    const v = /-([0-9a-f]{12})(\.c)?$/.exec(name)?.[1];
    if (v && v !== current) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
  // A copy of dist/: other work in the same tree may rebuild dist/ while the benchmark runs.
  const dist = join(outDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  cpSync(join(root, 'dist'), dist, { recursive: true });
  // dist/cli.js finds node_modules (the native binding) from its own folder upwards: out/bench/dist is inside the repo.
  const cli = join(dist, 'cli.js');
  const serverJs = join(dist, 'server.js');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const ver = (name) => lock.packages?.[`node_modules/${name}`]?.version ?? 'missing';
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memGb: Math.round(totalmem() / 2 ** 30), loadAverage: (await import('node:os')).loadavg().map((x) => Math.round(x * 10) / 10) },
    versions: {
      wsplint: pkg.version,
      commit: version('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
      node: process.version,
      treeSitterNative: ver('tree-sitter'),
      webTreeSitter: ver('web-tree-sitter'),
      treeSitterC: ver('tree-sitter-c'),
      treeSitterCpp: ver('tree-sitter-cpp'),
      clangTidy: version('clang-tidy', ['--version']).replace(/^.*version /, '') || version('clang-tidy', ['--version']),
      spatch: version('spatch', ['--version']),
    },
    cache: cacheDir,
  };
  if (sections.has('throughput')) result.throughput = await throughput({ cli, cacheDir, sizes, log });
  if (sections.has('overhead')) result.overhead = await overhead({ root, outDir, cacheDir, log });
  if (sections.has('lsp')) {
    const lspSizes = (process.env.BENCH_LSP_SIZES ?? '1000,10000,50000').split(',').map(Number);
    result.lsp = await lspLatency({ serverJs, cacheDir, sizes: lspSizes, edits: Number(process.env.BENCH_EDITS ?? 50), log });
  }
  if (sections.has('memory')) result.memory = { server: await serverMemory({ serverJs, cacheDir, files: 1000, log }) };
  if (sections.has('peers')) {
    const peerSizes = (process.env.BENCH_PEER_SIZES ?? '10000,100000').split(',').map(Number);
    result.peers = await peers({
      cli,
      root,
      cacheDir,
      log,
      inputs: [
        ...peerSizes.map((n) => ({ name: `generated ${n / 1000}k-line tree`, paths: [cachedTree(cacheDir, n).root] })),
        { name: 'test/cases + test/corpus', paths: [join(root, 'test', 'cases'), join(root, 'test', 'corpus')] },
      ],
    });
  }
  result.goals = evaluateGoals(result);
  const text = JSON.stringify(result, null, 2);
  writeFileSync(join(outDir, 'results.json'), text + '\n');
  process.stdout.write(text + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
