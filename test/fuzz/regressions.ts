/**
 * Crashes become regression fixtures: the input's bytes as a source file under
 * test/reliability/regressions/, and beside it a .json with what broke and how the input was made.
 * test/reliability/fuzz-regressions.test.ts replays every one of them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { SourceFile } from '../../server/src/core';
import type { FuzzInput } from './check-input';
import type { FailureKind } from './protocol';

export interface RegressionMeta {
  kind: FailureKind;
  message: string;
  stack?: string;
  /** How the fuzzer made the input (seed, index and recipe replay it). */
  recipe: string;
  seed: number;
  index: number;
  /** The path the analyzer saw (its extension picks the grammar). */
  path: string;
  extra?: SourceFile[];
  found: string;
  /** The commit that fixed it, once fixed (the replay must then pass). */
  fixed?: string;
}

export interface Regression {
  file: string;
  meta: RegressionMeta;
  input: FuzzInput;
}

export function saveRegression(dir: string, input: FuzzInput, meta: Omit<RegressionMeta, 'path' | 'extra' | 'found'>): string {
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha1').update(input.bytes).digest('hex').slice(0, 10);
  const ext = extname(input.path) || '.c';
  const base = `${meta.kind}-${hash}`;
  const file = join(dir, base + ext);
  writeFileSync(file, input.bytes);
  const full: RegressionMeta = { ...meta, path: input.path, extra: input.extra?.length ? input.extra : undefined, found: new Date().toISOString().slice(0, 10) };
  writeFileSync(join(dir, base + '.json'), JSON.stringify(full, null, 2) + '\n');
  return file;
}

export function loadRegressions(dir: string): Regression[] {
  if (!existsSync(dir)) return [];
  const out: Regression[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const meta = JSON.parse(readFileSync(join(dir, name), 'utf8')) as RegressionMeta;
    const base = name.slice(0, -'.json'.length);
    const src = readdirSync(dir).find((n) => n !== name && n.startsWith(base + '.'));
    if (!src) throw new Error(`${name}: its source file (${base}.*) is missing`);
    out.push({ file: join(dir, src), meta, input: { path: meta.path, bytes: new Uint8Array(readFileSync(join(dir, src))), extra: meta.extra } });
  }
  return out;
}
