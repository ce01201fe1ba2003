/**
 * The fuzz inputs, each a pure function of (seed, index) so that one input can be replayed alone:
 * first the canonical full-size pathological inputs, then mostly mutated fixtures with some small
 * generated ones mixed in.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { SourceFile } from '../../server/src/core';
import type { FuzzInput } from './check-input';
import { textOf } from './check-input';
import { GENERATORS } from './generate';
import { BYTE_MUTATIONS, encode, TEXT_MUTATIONS, type Encoding } from './mutate';
import { Rng } from './rng';

export const SEED_FOLDERS = ['test/cases', 'test/cases-spi', 'test/corpus', 'examples'];
const SOURCE = /\.(c|h|cpp|cc|cxx|hpp|hh)$/i;

export interface Seed {
  /** Path relative to the repository root. */
  path: string;
  text: string;
  /** The other sources of its folder when the folder is one multi-file case. */
  siblings: SourceFile[];
}

export interface MadeInput extends FuzzInput {
  /** How it was made, e.g. `mutate test/cases/x.c: delete, nest, utf-16le` (for the report and replays). */
  recipe: string;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (SOURCE.test(name)) out.push(p);
  }
  return out;
}

export function loadSeeds(root: string): Seed[] {
  const files = SEED_FOLDERS.flatMap((f) => walk(join(root, f)));
  const byDir = new Map<string, string[]>();
  for (const f of files) byDir.set(dirname(f), [...(byDir.get(dirname(f)) ?? []), f]);
  return files.map((f) => {
    const rel = relative(root, f);
    const dir = dirname(f);
    // A multi-file case (a bad-*/ok-* folder) or a corpus/example provider folder: its files go in together.
    const folder = relative(root, dir).split(/[\\/]/);
    const multi = /^(bad|ok)-/.test(folder[folder.length - 1]) || ((folder[0] === 'examples' || folder[1] === 'corpus') && folder.length === (folder[0] === 'examples' ? 2 : 3));
    const siblings = multi
      ? (byDir.get(dir) ?? []).filter((s) => s !== f).map((s) => ({ path: relative(root, s), text: textOf(readFileSync(s)).text }))
      : [];
    return { path: rel, text: textOf(readFileSync(f)).text, siblings };
  });
}

export const CANONICAL = GENERATORS.flatMap((g) => Array.from({ length: g.variants }, (_, v) => ({ g, v })));

/** Murmur3's finalizer: every input bit reaches every output bit. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * One 32-bit seed per (run seed, index), so input N does not depend on inputs 0..N-1. The run seed is
 * mixed on its own first: combined by XOR, seeds 2026 and 2027 gave the same inputs in swapped pairs.
 */
export function inputSeed(seed: number, index: number): number {
  return fmix32((fmix32(seed) + Math.imul(index + 1, 0x9e3779b9)) >>> 0);
}

export interface MakeOptions {
  /** Start with the full-size canonical inputs (default true). */
  canonical: boolean;
}

export function makeInput(seeds: readonly Seed[], seed: number, index: number, options: MakeOptions): MadeInput {
  const rng = new Rng(inputSeed(seed, index));
  if (options.canonical && index < CANONICAL.length) {
    const { g, v } = CANONICAL[index];
    const made = g.make(g.full, rng, v);
    return { path: `fuzz/${made.name}${made.ext}`, bytes: made.bytes ?? encode(made.text ?? '', 'utf-8'), recipe: `generate ${made.name} (canonical)` };
  }
  if (rng.chance(0.04)) {
    const g = rng.pick(GENERATORS);
    const made = g.make(rng.range(g.small[0], g.small[1]), rng);
    return { path: `fuzz/${made.name}${made.ext}`, bytes: made.bytes ?? encode(made.text ?? '', 'utf-8'), recipe: `generate ${made.name}` };
  }
  const s = rng.pick(seeds);
  const steps: string[] = [];
  let text = s.text;
  const others = rng.chance(0.2) ? [rng.pick(seeds).text] : [];
  for (let n = rng.range(1, 4); n > 0; n--) {
    const [name, m] = rng.pick(TEXT_MUTATIONS);
    text = m(text, rng, others);
    steps.push(name);
  }
  const encoding: Encoding = rng.chance(0.8) ? 'utf-8' : rng.pick(['utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const);
  steps.push(encoding);
  let bytes = encode(text, encoding);
  if (rng.chance(0.15)) {
    const [name, m] = rng.pick(BYTE_MUTATIONS);
    bytes = m(bytes, rng);
    steps.push(name);
  }
  // Now and then the other language's grammar reads it (a .h file of C++ code).
  const ext = rng.chance(0.05) ? rng.pick(['.c', '.cpp']) : /\.(c|h)$/i.test(s.path) ? '.c' : '.cpp';
  const path = s.path.replace(/\.[^.]+$/, '') + '.fuzz' + ext;
  return { path, bytes, extra: s.siblings, recipe: `mutate ${s.path}: ${steps.join(', ')}` };
}

export function describeSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
}

