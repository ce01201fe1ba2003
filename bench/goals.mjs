// The goals of issue 7, checked against the figures (null when the figure was not measured this run).

const met = (value, ok) => ({ value, met: value === null || value === undefined ? null : ok(value) });

export function evaluateGoals(r) {
  const runs = r.throughput?.runs ?? [];
  const maxLines = Math.max(0, ...runs.map((x) => x.lines));
  const best = runs.filter((x) => x.lines === maxLines && x.backend !== 'native').sort((a, b) => b.linesPerSecWall - a.linesPerSecWall)[0];
  const lsp10k = r.lsp?.find((x) => x.lines === 10_000);
  const wasm = r.overhead?.wasm;
  // The largest generated tree: the one where start-up weighs least.
  const peer = [...(r.peers ?? [])].filter((p) => p.input.startsWith('generated')).sort((a, b) => b.lines - a.lines)[0];
  const cli1m = runs.filter((x) => x.lines >= 1_000_000);
  return {
    'LSP p95 at 10k lines <= 30 ms': met(lsp10k?.p95Ms ?? null, (v) => v <= 30),
    'analysis <= 2x parse (10k-line file, default WASM backend; analysis beyond the parse / parse)': met(wasm?.beyondParseOverParse ?? null, (v) => v <= 2),
    'CLI >= 100k lines/s (largest tree, best of serial and parallel, wall)': met(best?.linesPerSecWall ?? null, (v) => v >= 100_000),
    'server RSS <= 150 MB for 1,000 files (after the scan)': met(r.memory?.server?.rssAfterScanMb ?? null, (v) => v <= 150),
    'time per line 1M / 10k <= 1.3 (serial, CPU)': met(r.throughput?.scaling?.to >= 1_000_000 ? r.throughput.scaling.timePerLineRatioCpu : null, (v) => v <= 1.3),
    'CLI peak RSS on the 1M-line tree (MB, serial then parallel)': { value: cli1m.map((x) => x.maxRssMb), met: null },
    '>= 20x faster than clang-tidy (wall)': met(typeof peer?.clangTidy === 'object' ? peer.clangTidy.timeRatioWall : null, (v) => v >= 20),
    '>= 5x faster than spatch (wall)': met(typeof peer?.spatch === 'object' ? peer.spatch.timeRatioWall : null, (v) => v >= 5),
  };
}
