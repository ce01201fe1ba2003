// Editor latency over the real LSP connection: a one-character didChange to the publishDiagnostics of
// that version, on generated 1k, 10k and 50k-line documents (the debounce set to 0 so the server's own
// work is what is measured; the default pause, 250 ms, comes on top in the editor).
import { pathToFileURL } from 'node:url';
import { cachedDocument } from './overhead.mjs';
import { LspSession } from '../lib/lsp-session.mjs';
import { percentile, round } from '../lib/timed.mjs';
import { readFileSync } from 'node:fs';

/** A line in the middle of the document that starts with indentation and a statement: a safe place to type. */
function editLine(text) {
  const lines = text.split('\n');
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) if (/^\s+[a-z].*;\s*$/.test(lines[i])) return i;
  return Math.floor(lines.length / 2);
}

export async function lspLatency({ serverJs, cacheDir, sizes, edits = 50, budgetMs = 240_000, log }) {
  const out = [];
  for (const lines of sizes) {
    const path = cachedDocument(cacheDir, lines);
    const text = readFileSync(path, 'utf8');
    const uri = pathToFileURL(path).href;
    log(`lsp: ${lines}-line document, ${edits} edits`);
    const s = await LspSession.start(serverJs, { settings: { debounceMs: 0 } });
    try {
      let t0 = performance.now();
      const first = s.diagnostics(uri, (p) => p.version === 1);
      s.open(uri, text, 1);
      const initial = await first;
      const openMs = performance.now() - t0;
      const line = editLine(text);
      const times = [];
      const started = performance.now();
      for (let v = 2; v < edits + 2 && performance.now() - started < budgetMs; v++) {
        const done = s.diagnostics(uri, (p) => p.version === v);
        t0 = performance.now();
        // Type one more space at the start of the line: every version is a new text (no cache of an earlier
        // version can answer it), and the code around stays the same code.
        s.change(uri, v, line, 0, ' ');
        await done;
        times.push(performance.now() - t0);
      }
      out.push({
        lines,
        openMs: round(openMs),
        diagnostics: initial.diagnostics.length,
        edits: times.length,
        p50Ms: round(percentile(times, 50), 1),
        p95Ms: round(percentile(times, 95), 1),
        maxMs: round(Math.max(...times), 1),
      });
    } finally {
      await s.stop();
    }
  }
  return out;
}
