// Writes provider source trees of a given size (10k, 100k, 1M lines) and single documents (for the
// editor benchmark), in the styles of test/cases and test/corpus, deterministically from a seed.
//
//   node bench/gen/generate.mjs --lines 100000 --out /tmp/tree [--seed 7]
//   node bench/gen/generate.mjs --document --lines 10000 --out /tmp/doc.c
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillerFunction, fillerTypes } from './filler.mjs';
import { LAYOUTS, relayout } from './layout.mjs';
import { Rng } from './prng.mjs';
import { baseEntries, gotoConnect, lookupHelpers, mappedConnect, moduleDecls, salConnect, startup } from './styles-c.mjs';
import { cppProvider } from './styles-cpp.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Styles and how often each appears in a tree. */
const STYLES = [
  ['sal', 3],
  ['goto', 3],
  ['mapped', 2],
  ['base', 2],
  ['cpp', 2],
];

const C_INCLUDES = '#include <winsock2.h>\n#include <ws2spi.h>\n#include <stdarg.h>\n#include <stdlib.h>\n#include <string.h>\n#include <stdio.h>\n';

function pickStyle(r, cOnly) {
  const styles = cOnly ? STYLES.filter(([s]) => s !== 'cpp') : STYLES;
  const total = styles.reduce((n, [, w]) => n + w, 0);
  let x = r.next() * total;
  for (const [s, w] of styles) if ((x -= w) < 0) return s;
  return styles[0][0];
}

/**
 * One provider module. `single` puts every part in one C text (no includes of its own header) and names
 * every entry uniquely, so many modules can share one document.
 */
function makeModule(r, index, { single, cOnly }) {
  const P = `P${index.toString(36)}${String.fromCharCode(97 + r.int(0, 25))}`;
  const style = pickStyle(r, cOnly);
  const layout = r.pick(LAYOUTS);
  const planted = [];
  const bugs = (rule, p) => {
    const hit = r.chance(p);
    if (hit) planted.push(rule);
    return hit;
  };
  const ctx = { r, P, names: {}, bugs };
  const fillers = Array.from({ length: r.int(6, 36) }, (_, k) => fillerFunction(r, P, k));
  const fill = fillers.map((f) => relayout(f.text, layout)).join('\n');
  const protos = fillers.map((f) => `${f.proto};`).join('\n');

  if (style === 'cpp') {
    const cp = cppProvider(ctx);
    const lower = P.toLowerCase();
    const utilHeader = `#pragma once\n#include <winsock2.h>\n#include <cstdarg>\n#include <cstdlib>\n#include <cstring>\n#include <cstdio>\n\n${fillerTypes(P)}\n${protos}\n`;
    return {
      style,
      planted,
      files: [
        [`${lower}_provider.hpp`, cp.header],
        [`${lower}_provider.cpp`, relayout(cp.source, layout)],
        [`${lower}_util.hpp`, utilHeader],
        [`${lower}_util.cpp`, `#include "${lower}_util.hpp"\n\nint ${P}_TraceLevel = 1;\n\n${fill}`],
      ],
    };
  }

  const installs = single || r.chance(0.6);
  const base = style === 'base';
  ctx.names = installs
    ? { connect: `${P}Connect`, send: `${P}Send`, recv: `${P}Recv`, peer: `${P}GetPeerName`, close: `${P}CloseSocket` }
    : { connect: 'WSPConnect', send: 'WSPSend', recv: 'WSPRecv', peer: 'WSPGetPeerName', close: 'WSPCloseSocket' };
  const lookup = lookupHelpers(ctx);
  const connectStyle = base ? r.pick(['sal', 'goto', 'mapped']) : style;
  const connect = connectStyle === 'sal' ? salConnect(ctx) : connectStyle === 'goto' ? gotoConnect(ctx) : mappedConnect(ctx, lookup);
  const entries = base ? baseEntries(ctx) : '';
  const table = [['lpWSPConnect', ctx.names.connect]];
  if (base) table.push(['lpWSPSend', ctx.names.send], ['lpWSPRecv', ctx.names.recv], ['lpWSPGetPeerName', ctx.names.peer], ['lpWSPCloseSocket', ctx.names.close]);
  let start = installs ? startup(ctx, table) : '';
  if (single && index > 0) start = start.replace('WSPStartup(', `${P}_StartupLayer(`);
  const decls = `${fillerTypes(P)}\n${moduleDecls(P)}\n${protos}\n`;
  const spi = relayout([connect, entries, start].filter(Boolean).join('\n'), layout);
  const util = `int ${P}_TraceLevel = 1;\n\n${relayout(lookup.text, layout)}\n${fill}`;
  if (single) return { style, planted, files: [[`${P}.c`, `/* ---- module ${P} (${style}, ${layout.name}) ---- */\n${decls}\n${util}\n${spi}`]] };
  const lower = P.toLowerCase();
  return {
    style,
    planted,
    files: [
      [`${lower}.h`, `#ifndef ${P}_H\n#define ${P}_H\n${C_INCLUDES}\n${decls}#endif\n`],
      [`${lower}_util.c`, `#include "${lower}.h"\n\n${util}`],
      [`${lower}_spi.c`, `#include "${lower}.h"\n\n${spi}`],
    ],
  };
}

const countLines = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** Hash of the generator's own sources: a cached tree is reused only when the generator is unchanged. */
export function generatorVersion() {
  const h = createHash('sha256');
  for (const f of readdirSync(here).sort()) if (f.endsWith('.mjs')) h.update(f).update(readFileSync(join(here, f)));
  return h.digest('hex').slice(0, 12);
}

/**
 * Writes a tree of about `lines` lines under `out` (one folder per provider module).
 * @returns {{ root: string, files: number, lines: number, modules: number, styles: Record<string, number>, planted: Record<string, number> }}
 */
export function generateTree(out, lines, seed = 1, maxFiles = Infinity) {
  const r = new Rng(seed);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const stats = { root: out, files: 0, lines: 0, modules: 0, styles: {}, planted: {} };
  for (let i = 0; stats.lines < lines && stats.files < maxFiles; i++) {
    const m = makeModule(r, i, { single: false, cOnly: false });
    // A workspace of exactly maxFiles files: the last module loses what does not fit.
    if (stats.files + m.files.length > maxFiles) m.files.length = maxFiles - stats.files;
    const dir = join(out, `provider-${String(i).padStart(5, '0')}-${m.style}`);
    mkdirSync(dir);
    for (const [name, text] of m.files) {
      writeFileSync(join(dir, name), text);
      stats.files++;
      stats.lines += countLines(text);
    }
    stats.modules++;
    stats.styles[m.style] = (stats.styles[m.style] ?? 0) + 1;
    for (const p of m.planted) stats.planted[p] = (stats.planted[p] ?? 0) + 1;
  }
  writeFileSync(join(out, 'tree.json'), JSON.stringify({ ...stats, seed, generator: generatorVersion() }, null, 2) + '\n');
  return stats;
}

/** One C document of about `lines` lines (several C modules in a row), for the editor benchmark. */
export function generateDocument(lines, seed = 1) {
  const r = new Rng(seed);
  const parts = [`/* generated provider document, ${lines} lines */\n${C_INCLUDES}`];
  let n = countLines(parts[0]);
  for (let i = 0; n < lines; i++) {
    const text = makeModule(r, i, { single: true, cOnly: true }).files[0][1];
    parts.push(text);
    n += countLines(text);
  }
  return parts.join('\n');
}

/** A cached workspace of exactly `files` files (generated on first use) under `cacheDir`. */
export function cachedWorkspace(cacheDir, files, seed = 2) {
  const dir = join(cacheDir, `workspace-${files}f-s${seed}-${generatorVersion()}`);
  const meta = join(dir, 'tree.json');
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8'));
  return generateTree(dir, Infinity, seed, files);
}

/** A cached tree (generated on first use) under `cacheDir`. */
export function cachedTree(cacheDir, lines, seed = 1) {
  const dir = join(cacheDir, `tree-${lines}-s${seed}-${generatorVersion()}`);
  const meta = join(dir, 'tree.json');
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8'));
  return generateTree(dir, lines, seed);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const lines = Number(opt('--lines', '10000'));
  const out = opt('--out', undefined);
  const seed = Number(opt('--seed', '1'));
  if (!out || !Number.isFinite(lines) || lines <= 0) {
    console.error('usage: generate.mjs [--document] --lines N --out PATH [--seed N]');
    process.exit(2);
  }
  if (args.includes('--document')) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, generateDocument(lines, seed));
    console.log(JSON.stringify({ out, lines: countLines(readFileSync(out, 'utf8')) }));
  } else {
    console.log(JSON.stringify(generateTree(out, lines, seed)));
  }
}
