// The .vsix under test: WSPLINT_E2E_VSIX if set, else what `npm run package` writes, else (while the
// project has no package script yet) `vsce package` of the current tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestVsix(dirs, since) {
  const found = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const n of readdirSync(d)) {
      if (!n.endsWith('.vsix')) continue;
      const p = join(d, n);
      const t = statSync(p).mtimeMs;
      if (t >= since) found.push({ p, t });
    }
  }
  found.sort((a, b) => b.t - a.t);
  return found[0]?.p;
}

export function packageVsix({ root, tmp, log }) {
  const given = process.env.WSPLINT_E2E_VSIX;
  if (given) {
    if (!existsSync(given)) throw new Error(`WSPLINT_E2E_VSIX=${given} does not exist`);
    log(`vsix: ${given} (from WSPLINT_E2E_VSIX)`);
    return given;
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const since = Date.now() - 1000;
  if (pkg.scripts?.package) {
    log('vsix: npm run package');
    // vsce lists every packaged file: keep that for a failure.
    const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
    const done = `${r.stdout}`.split('\n').find((l) => /Packaged:/.test(l));
    if (done) log(`vsix: ${done.trim()}`);
    const vsix = newestVsix([root, join(root, 'dist'), join(root, 'out')], since);
    if (!vsix) throw new Error('npm run package wrote no new .vsix in the repository root, dist/ or out/');
    log(`vsix: ${vsix}`);
    return vsix;
  }
  const main = pkg.main ? join(root, pkg.main) : undefined;
  if (!main || !existsSync(main)) {
    throw new Error(`the extension is not built: ${pkg.main ?? 'package.json "main"'} is missing (no client/src/extension.ts yet?), and there is no "package" script`);
  }
  const out = join(tmp, 'wsplint.vsix');
  log('vsix: no "package" script yet; packaging the current tree with vsce');
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 300_000,
  });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`vsce package failed (exit ${r.status ?? r.signal})`);
  return out;
}
