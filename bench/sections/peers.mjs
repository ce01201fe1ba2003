// Side by side on the same files, in the same run: clang-tidy with the clang static analyzer's checks
// (mingw-w64 headers for the Windows types) and Coccinelle's spatch with bench/peers/errno-not-set.cocci,
// against `wsplint check`. Times, and what each found of the bugs the files are known to hold: the
// generator's `planted:` markers, and the `expect:` annotations of test/cases and test/corpus.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { round, timed } from '../lib/timed.mjs';

const MINGW = '/usr/x86_64-w64-mingw32/include';
const CLANG_CHECKS = '-*,clang-analyzer-*,-clang-analyzer-security.insecureAPI.*';

function sourcesUnder(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourcesUnder(p, out);
    else if (/\.(c|cpp|h|hpp)$/.test(name)) out.push(p);
  }
  return out;
}

/** Known bugs: `file:line` -> rules, from `planted: rule` or `expect: rule, rule` comments. */
function groundTruth(files) {
  const truth = new Map();
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((l, i) => {
      const m = /(?:planted|expect): ([a-z-]+(?:\s*,\s*[a-z-]+)*)/.exec(l);
      if (m) truth.set(`${resolve(f)}:${i + 1}`, m[1].split(',').map((x) => x.trim()));
    });
  }
  return truth;
}

/** What share of the known bugs a tool reported at their line (any message counts for a peer: generous). */
function recall(truth, hits, sameRuleOnly) {
  const per = {};
  for (const [key, rules] of truth) {
    for (const rule of rules) {
      per[rule] ??= { known: 0, found: 0 };
      per[rule].known++;
      const at = hits.get(key);
      if (at && (!sameRuleOnly || at.has(rule))) per[rule].found++;
    }
  }
  return per;
}

function gxxIncludes() {
  const base = '/usr/lib/gcc/x86_64-w64-mingw32';
  if (!existsSync(base)) return [];
  const v = readdirSync(base).sort().find((d) => d.includes('win32')) ?? readdirSync(base).sort()[0];
  return v ? ['-isystem', join(base, v, 'include', 'c++'), '-isystem', join(base, v, 'include', 'c++', 'x86_64-w64-mingw32')] : [];
}

async function clangTidy(files, log) {
  const c = files.filter((f) => f.endsWith('.c'));
  const cpp = files.filter((f) => f.endsWith('.cpp'));
  const target = ['-target', 'x86_64-w64-mingw32', '-fms-extensions', '-Wno-everything'];
  const runs = [
    [c, [...target, '-std=gnu11', '-isystem', MINGW]],
    [cpp, [...target, '-std=gnu++17', ...gxxIncludes(), '-isystem', MINGW]],
  ];
  let wallMs = 0;
  let cpuMs = 0;
  const warnings = [];
  let compileErrors = 0;
  for (const [list, flags] of runs) {
    if (!list.length) continue;
    log(`peers: clang-tidy on ${list.length} files`);
    const r = await timed('clang-tidy', [`--checks=${CLANG_CHECKS}`, '--quiet', ...list, '--', ...flags], { timeoutMs: 3_600_000 });
    wallMs += r.wallMs;
    cpuMs += r.cpuMs ?? 0;
    for (const m of r.stdout.matchAll(/^(.+?):(\d+):(\d+): (warning|error): (.*?) \[([\w.,-]+)\]$/gm)) {
      if (m[4] === 'error') compileErrors++;
      else warnings.push({ file: resolve(m[1]), line: Number(m[2]), check: m[6], message: m[5] });
    }
  }
  return { wallMs, cpuMs, warnings, compileErrors };
}

async function spatch(root, patchDir, log) {
  log(`peers: spatch on ${root}`);
  const r = await timed('spatch', ['--sp-file', join(patchDir, 'errno-not-set.cocci'), '--macro-file', join(patchDir, 'wsp-macros.h'), '--dir', root, '--very-quiet'], { timeoutMs: 3_600_000 });
  const hits = [...r.stdout.matchAll(/^(.+?):(\d+):(\d+): errno-not-set in (\S+)$/gm)].map((m) => ({ file: resolve(m[1]), line: Number(m[2]) }));
  return { wallMs: r.wallMs, cpuMs: r.cpuMs, hits };
}

function have(cmd) {
  return ['/usr/bin', '/usr/local/bin', '/bin'].some((d) => existsSync(join(d, cmd)));
}

export async function peers({ cli, root, inputs, cacheDir, log }) {
  const out = [];
  for (const input of inputs) {
    const files = input.paths.flatMap((p) => sourcesUnder(p));
    const lines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0);
    const truth = groundTruth(files);
    log(`peers: wsplint on ${input.name}`);
    const wr = await runMany(cli, input.paths, cacheDir);
    const wHits = new Map();
    for (const f of wr.findings) {
      const key = `${resolve(root, f.file)}:${f.line}`;
      if (!wHits.has(key)) wHits.set(key, new Set());
      wHits.get(key).add(f.rule);
    }
    const row = {
      input: input.name,
      files: files.length,
      lines,
      knownBugs: [...truth.values()].reduce((n, r) => n + r.length, 0),
      wsplint: { wallS: round(wr.r.wallMs / 1000, 2), cpuS: round(wr.r.cpuMs / 1000, 2), findings: wr.findings.length, recall: recall(truth, wHits, true) },
    };
    if (have('clang-tidy')) {
      const ct = await clangTidy(files, log);
      const hits = new Map();
      const byCheck = {};
      for (const x of ct.warnings) {
        hits.set(`${x.file}:${x.line}`, new Set([x.check]));
        byCheck[x.check] = (byCheck[x.check] ?? 0) + 1;
      }
      row.clangTidy = {
        wallS: round(ct.wallMs / 1000, 2),
        cpuS: round(ct.cpuMs / 1000, 2),
        warnings: ct.warnings.length,
        compileErrors: ct.compileErrors,
        byCheck,
        recallAnyWarningAtTheLine: recall(truth, hits, false),
        timeRatioWall: round(ct.wallMs / wr.r.wallMs, 1),
        timeRatioCpu: round(ct.cpuMs / wr.r.cpuMs, 1),
      };
    } else row.clangTidy = 'missing (run bench/setup.sh)';
    if (have('spatch')) {
      const sp = { wallMs: 0, cpuMs: 0, hits: [] };
      for (const p of input.paths) {
        const one = await spatch(p, join(root, 'bench', 'peers'), log);
        sp.wallMs += one.wallMs;
        sp.cpuMs += one.cpuMs ?? 0;
        sp.hits.push(...one.hits);
      }
      const inInput = sp.hits.filter((h) => input.paths.some((p) => !relative(resolve(p), h.file).startsWith('..')));
      const hits = new Map(inInput.map((h) => [`${h.file}:${h.line}`, new Set(['errno-not-set'])]));
      const errnoTruth = new Map([...truth].filter(([, r]) => r.includes('errno-not-set')).map(([k]) => [k, ['errno-not-set']]));
      const falsePositives = inInput.filter((h) => !errnoTruth.has(`${h.file}:${h.line}`)).length;
      row.spatch = {
        wallS: round(sp.wallMs / 1000, 2),
        cpuS: round(sp.cpuMs / 1000, 2),
        reports: inInput.length,
        errnoNotSet: recall(errnoTruth, hits, true)['errno-not-set'] ?? { known: 0, found: 0 },
        reportsNotAtAKnownBug: falsePositives,
        note: 'C files only (Coccinelle does not parse these C++ files)',
        timeRatioWall: round(sp.wallMs / wr.r.wallMs, 1),
        timeRatioCpu: round(sp.cpuMs / wr.r.cpuMs, 1),
      };
      const wErrno = recall(errnoTruth, wHits, true)['errno-not-set'];
      row.wsplint.errnoNotSet = wErrno;
    } else row.spatch = 'missing (run bench/setup.sh)';
    out.push(row);
  }
  return out;
}

async function runMany(cli, paths, cacheDir) {
  const outFile = join(cacheDir, 'peer-wsplint-many.json');
  const env = { ...process.env, WSPLINT_CHECK_STATS: '1' };
  const r = await timed(process.execPath, [cli, 'check', ...paths, '--format', 'json', '--output', outFile, '--jobs', '1'], { env, timeoutMs: 3_600_000 });
  if (r.code !== 0 && r.code !== 1) throw new Error(`wsplint check exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  return { r, findings: JSON.parse(readFileSync(outFile, 'utf8')).findings };
}
