// Throughput and scaling of the real CLI (`node dist/cli.js check TREE`) on generated trees.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cachedTree } from '../gen/generate.mjs';
import { round, timed } from '../lib/timed.mjs';

/** One CLI run over a tree; the report goes to a file so the pipe is not what is measured. */
export async function runCheck(cli, root, outFile, { jobs = null, backend = null } = {}) {
  const env = { ...process.env, WSPLINT_CHECK_STATS: '1' };
  if (backend) env.WSPLINT_PARSER = backend;
  const args = [cli, 'check', root, '--format', 'json', '--output', outFile, ...(jobs ? ['--jobs', String(jobs)] : [])];
  const r = await timed(process.execPath, args, { env, timeoutMs: 3_600_000 });
  if (r.code !== 0 && r.code !== 1) throw new Error(`wsplint check ${root} exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  const stats = JSON.parse(/wsplint: stats (.*)/.exec(r.stderr)?.[1] ?? '{}');
  const findings = JSON.parse(readFileSync(outFile, 'utf8')).findings;
  return { r, stats, findings };
}

export async function throughput({ cli, cacheDir, sizes, log }) {
  const runs = [];
  for (const lines of sizes) {
    const tree = cachedTree(cacheDir, lines);
    // Serial (the default on fewer than 4 cores), one worker per core, and the native parser at 100k.
    const variants = [{ jobs: 1 }, { jobs: availableParallelism() }];
    if (lines === 100_000) variants.push({ jobs: 1, backend: 'native' });
    for (const v of variants) {
      log(`throughput: ${tree.lines} lines, ${tree.files} files, jobs ${v.jobs}${v.backend ? `, ${v.backend}` : ''}`);
      const { r, stats, findings } = await runCheck(cli, tree.root, join(cacheDir, `report-${lines}.json`), v);
      runs.push({
        lines: tree.lines,
        files: tree.files,
        jobs: v.jobs,
        workers: stats.workers,
        backend: stats.backend,
        wallS: round(r.wallMs / 1000, 2),
        cpuS: round(r.cpuMs / 1000, 2),
        linesPerSecWall: round(tree.lines / (r.wallMs / 1000)),
        linesPerSecCpu: r.cpuMs ? round(tree.lines / (r.cpuMs / 1000)) : null,
        maxRssMb: round(r.maxRssMb),
        findings: findings.length,
      });
    }
  }
  const serial = runs.filter((x) => x.jobs === 1 && x.backend !== 'native');
  const first = serial[0];
  const last = serial[serial.length - 1];
  const perLine = (x, key) => x[key] / x.lines;
  return {
    runs,
    scaling:
      first && last && first !== last
        ? {
            from: first.lines,
            to: last.lines,
            timePerLineRatioWall: round(perLine(last, 'wallS') / perLine(first, 'wallS'), 2),
            timePerLineRatioCpu: round(perLine(last, 'cpuS') / perLine(first, 'cpuS'), 2),
          }
        : null,
  };
}
