/**
 * Reads the workspace's C/C++ files so a helper defined in another file is known to the analysis.
 * Capped (wsplint.maxFiles, and a bound on folder entries visited, after bash-language-server #594 and
 * #1390 where an unbounded scan of a home folder pinned the CPU), cancellable, `.gitignore` honoured,
 * and yielding to the event loop so edits are still served while it runs. No LSP imports.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { readSourceFile } from '../core/io/read-source';
import type { SourceFile } from '../core';

export interface ScanOptions {
  include: string[];
  exclude: string[];
  maxFiles: number;
  maxFileBytes: number;
  /** Folder entries looked at before giving up, whatever matched (default 50 x maxFiles, at least 20000). */
  maxEntries?: number;
}

export interface ScanProgress {
  filesFound: number;
  entriesSeen: number;
}

export interface ScanResult {
  files: SourceFile[];
  /** Why the scan stopped early: a cap was reached, or it was cancelled. */
  stopped?: string;
  skipped: { path: string; reason: string }[];
}

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

export async function scanWorkspace(
  roots: readonly string[],
  options: ScanOptions,
  isCancelled: () => boolean,
  onProgress: (p: ScanProgress) => void = () => undefined,
): Promise<ScanResult> {
  const files: SourceFile[] = [];
  const skipped: ScanResult['skipped'] = [];
  const maxEntries = options.maxEntries ?? Math.max(20000, options.maxFiles * 50);
  const progress: ScanProgress = { filesFound: 0, entriesSeen: 0 };
  let stopped: string | undefined;
  if (options.maxFiles <= 0) return { files, skipped, stopped: 'the workspace scan is off (wsplint.maxFiles is 0)' };

  const matches = (root: string, path: string, globs: string[]): boolean => {
    const rel = relative(root, path).split(sep).join('/');
    return globs.some((g) => minimatch(rel, g, { dot: true, nocase: process.platform === 'win32' }));
  };

  const walk = async (root: string, dir: string, scopes: IgnoreScope[]): Promise<void> => {
    if (stopped) return;
    const here = [...scopes];
    const gitignore = await readFile(join(dir, '.gitignore'), 'utf8').catch(() => null);
    if (gitignore !== null) here.push({ dir, rules: ignore().add(gitignore) });
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: dir, reason: `cannot list folder (${e instanceof Error ? e.message : String(e)})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (stopped) return;
      if (isCancelled()) {
        stopped = 'cancelled';
        return;
      }
      if (++progress.entriesSeen > maxEntries) {
        stopped = `stopped after looking at ${maxEntries} folder entries`;
        return;
      }
      if (progress.entriesSeen % 200 === 0) {
        onProgress({ ...progress });
        await new Promise((r) => setImmediate(r));
      }
      const path = join(dir, entry.name);
      // Symbolic links are not followed: a link cycle must not make the scan endless.
      if (entry.isSymbolicLink()) continue;
      const isDir = entry.isDirectory();
      if (entry.name === '.git' || ignoredByGit(here, path, isDir)) continue;
      if (matches(root, path, options.exclude) || (isDir && matches(root, path + '/x', options.exclude))) continue;
      if (isDir) {
        await walk(root, path, here);
        continue;
      }
      if (!entry.isFile() || !matches(root, path, options.include)) continue;
      if (files.length >= options.maxFiles) {
        stopped = `stopped at ${options.maxFiles} files (wsplint.maxFiles)`;
        return;
      }
      const read = await readSourceFile(path, { maxBytes: options.maxFileBytes });
      if (read.kind === 'skipped') skipped.push({ path, reason: read.reason });
      else files.push({ path, text: read.text });
      progress.filesFound = files.length;
    }
  };

  for (const root of roots) await walk(root, root, []);
  onProgress({ ...progress });
  return { files, skipped, stopped };
}

function ignoredByGit(scopes: IgnoreScope[], path: string, isDir: boolean): boolean {
  for (const s of scopes) {
    const rel = relative(s.dir, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    if (s.rules.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}
