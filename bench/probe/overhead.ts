/**
 * In-process figures (bundled by bench/run.mjs, run with node): for one document or a tree, the
 * tree-sitter parse time (the floor) and the analyzer's time on the same text, per parser backend.
 * Prints one JSON object.
 *
 *   node out/bench/overhead.js --backend native|wasm --rounds 5 FILE_OR_DIR...
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer, type SourceFile } from '../../server/src/core';
import { blankMacros } from '../../server/src/core/parse/blank';
import { languageOf, loadParsers, type BackendName } from '../../server/src/core/parse/parser';

function collect(path: string, out: string[]): void {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (/\.(c|h|cpp|hpp|cc|cxx)$/i.test(path)) out.push(path);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, dflt: string): string => {
    const i = args.indexOf(name);
    if (i < 0) return dflt;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const backend = flag('--backend', 'wasm') as BackendName;
  const rounds = Number(flag('--rounds', '5'));
  const paths: string[] = [];
  for (const a of args) collect(a, paths);
  const files: SourceFile[] = paths.map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
  const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);

  // createAnalyzer() reads WSPLINT_PARSER (bench/sections/overhead.mjs sets it to the same backend).
  if ((process.env.WSPLINT_PARSER ?? 'wasm') !== backend) throw new Error(`overhead probe: run it with WSPLINT_PARSER=${backend}, or the analysis would use another parser`);
  const parsers = await loadParsers(backend);
  // The floor: tree-sitter on the text the analyzer parses (macros blanked), nothing else.
  const blanked = files.map((f) => ({ text: blankMacros(f.text).text, language: languageOf(f.path) }));
  const parseMs: number[] = [];
  const blankMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    for (const f of files) blankMacros(f.text);
    blankMs.push(performance.now() - t0);
    t0 = performance.now();
    for (const b of blanked) parsers.parse(b.text, b.language).delete();
    parseMs.push(performance.now() - t0);
  }
  // The analyzer, fresh each round so no cache of an earlier round helps (its own parse included).
  const analyzeMs: number[] = [];
  let findings = 0;
  for (let r = 0; r < rounds; r++) {
    const analyzer = await createAnalyzer();
    const t0 = performance.now();
    findings = analyzer.analyze(files).findings.length;
    analyzeMs.push(performance.now() - t0);
  }
  const parse = median(parseMs);
  const analyze = median(analyzeMs);
  console.log(
    JSON.stringify({
      backend: parsers.backend,
      files: files.length,
      lines,
      rounds,
      parseMs: Math.round(parse * 10) / 10,
      blankMs: Math.round(median(blankMs) * 10) / 10,
      analyzeMs: Math.round(analyze * 10) / 10,
      findings,
      analyzeOverParse: Math.round((analyze / parse) * 100) / 100,
      beyondParseOverParse: Math.round(((analyze - parse) / parse) * 100) / 100,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
