// Summarises a V8 .cpuprofile (node --cpu-prof) of a bundle: self time per function and per source file.
// esbuild writes a `// path/to/file.ts` comment where each module starts in the bundle, which maps a
// bundle line back to its source file without a source-map library.
//
//   node bench/lib/profile-summary.mjs PROFILE.cpuprofile [--top 30]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @param {string} bundlePath @returns {(line: number) => string} */
function moduleOfLine(bundlePath) {
  const starts = [];
  let text = '';
  try {
    text = readFileSync(bundlePath, 'utf8');
  } catch {
    return () => bundlePath;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/ ((?:server|runtime|client|node_modules|bench|test)\/\S+)$/.exec(lines[i]);
    if (m) starts.push([i, m[1]]);
  }
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let best = bundlePath;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid][0] <= line) {
        best = starts[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
}

/**
 * @param {string} profilePath
 * @returns {{ totalMs: number, byFile: [string, number][], byFunction: [string, number][] }}
 */
export function summariseProfile(profilePath, top = 30) {
  const prof = JSON.parse(readFileSync(profilePath, 'utf8'));
  const dt = new Map();
  const { samples, timeDeltas, nodes } = prof;
  for (let i = 0; i < samples.length; i++) dt.set(samples[i], (dt.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  const mappers = new Map();
  const byFile = new Map();
  const byFn = new Map();
  let total = 0;
  for (const n of nodes) {
    const us = dt.get(n.id) ?? 0;
    if (!us) continue;
    total += us;
    const cf = n.callFrame;
    let file = cf.url ? cf.url.replace(/^file:\/\//, '') : `(${cf.functionName || 'native'})`;
    if (file.endsWith('.js') && !file.includes('node_modules') && !file.startsWith('node:')) {
      if (!mappers.has(file)) mappers.set(file, moduleOfLine(file));
      file = mappers.get(file)(cf.lineNumber);
    }
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    const fn = `${cf.functionName || '(anonymous)'} ${file}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  // Inclusive time: a frame's self time counts for every distinct function on its stack (recursion once).
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const incl = new Map();
  const keyOf = (n) => {
    const cf = n.callFrame;
    let file = cf.url ? cf.url.replace(/^file:\/\//, '') : `(${cf.functionName || 'native'})`;
    if (mappers.has(file)) file = mappers.get(file)(cf.lineNumber);
    return `${cf.functionName || '(anonymous)'} ${file}`;
  };
  const visit = (id, active) => {
    const n = byId.get(id);
    const key = keyOf(n);
    const added = !active.has(key);
    if (added) active.add(key);
    const us = dt.get(id) ?? 0;
    if (us) for (const k of active) incl.set(k, (incl.get(k) ?? 0) + us);
    for (const c of n.children ?? []) visit(c, active);
    if (added) active.delete(key);
  };
  if (nodes.length) visit(nodes[0].id, new Set());
  const sort = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, Math.round(v / 1000)]);
  const inclusive = sort(new Map([...incl].filter(([k]) => /\.ts$/.test(k))));
  return { totalMs: Math.round(total / 1000), byFile: sort(byFile), byFunction: sort(byFn), inclusive };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = process.argv[2];
  const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 30;
  const s = summariseProfile(path, top);
  console.log(`total ${s.totalMs} ms sampled\n\nself time by source file:`);
  for (const [k, v] of s.byFile) console.log(`${String(v).padStart(8)} ms  ${(100 * v / s.totalMs).toFixed(1).padStart(5)}%  ${k}`);
  console.log('\ninclusive time of the project\'s functions:');
  for (const [k, v] of s.inclusive) console.log(`${String(v).padStart(8)} ms  ${(100 * v / s.totalMs).toFixed(1).padStart(5)}%  ${k}`);
  console.log('\nself time by function:');
  for (const [k, v] of s.byFunction) console.log(`${String(v).padStart(8)} ms  ${(100 * v / s.totalMs).toFixed(1).padStart(5)}%  ${k}`);
}
