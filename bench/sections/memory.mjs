// Server memory after opening a 1,000-file workspace: initialize with the tree as root, wait until the
// workspace scan has finished (wsplint/status goes idle), then read the server's RSS; again after one
// file of the workspace is opened and analysed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { cachedWorkspace } from '../gen/generate.mjs';
import { LspSession } from '../lib/lsp-session.mjs';
import { round } from '../lib/timed.mjs';

export async function serverMemory({ serverJs, cacheDir, files = 1000, log }) {
  const ws = cachedWorkspace(cacheDir, files);
  log(`memory: workspace of ${ws.files} files (${ws.lines} lines)`);
  const t0 = performance.now();
  const s = await LspSession.start(serverJs, { rootPath: ws.root, settings: { debounceMs: 0 } });
  try {
    const idle = await s.status((p) => p.state === 'idle' && !p.uri && (p.workspaceFiles ?? 0) > 0);
    const scanMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1000));
    const afterScan = s.memory();
    const dir = readdirSync(ws.root).find((d) => d.startsWith('provider-'));
    const file = join(ws.root, dir, readdirSync(join(ws.root, dir)).find((f) => /_spi\.c$|_provider\.cpp$/.test(f)));
    const uri = pathToFileURL(file).href;
    const diag = s.diagnostics(uri, (p) => p.version === 1);
    s.open(uri, readFileSync(file, 'utf8'), 1);
    await diag;
    const afterOpen = s.memory();
    return {
      files: ws.files,
      lines: ws.lines,
      workspaceFilesIndexed: idle.workspaceFiles,
      scanMs: round(scanMs),
      rssAfterScanMb: round(afterScan.rssMb),
      rssAfterOpenMb: round(afterOpen.rssMb),
      peakRssMb: round(afterOpen.peakRssMb),
    };
  } finally {
    await s.stop();
  }
}
