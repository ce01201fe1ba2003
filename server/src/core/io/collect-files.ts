/**
 * Turns the paths a user named (files and folders) into the list of source files to check, in a
 * deterministic order: arguments in the order given, folder contents sorted by name (code-point order,
 * not locale order, so every machine agrees).
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { ioReason } from './read-source';

/** Extensions a folder walk picks up. A file named explicitly is checked whatever its extension. */
export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(['.c', '.h', '.cpp', '.cc', '.cxx', '.hpp']);

export interface CollectedFiles {
  /** Paths as the user would write them: the argument itself, or the folder argument joined with names. */
  files: string[];
  /** Entries inside folders that could not be listed or examined, with the reason. */
  skipped: { path: string; reason: string }[];
}

export class InputError extends Error {}

export function isSourceFileName(name: string): boolean {
  return SOURCE_EXTENSIONS.has(extname(name).toLowerCase());
}

/**
 * Throws InputError when an argument does not exist (a usage error: the user typed it). Problems found
 * while walking a folder are not the user's typing, so they are returned as skipped instead.
 */
export function collectSourceFiles(inputs: readonly string[], cwd: string = process.cwd()): CollectedFiles {
  const files: string[] = [];
  const skipped: CollectedFiles['skipped'] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    const key = resolve(cwd, p);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(p);
  };
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(resolve(cwd, input)).isDirectory();
    } catch (e) {
      throw new InputError(`cannot open ${input}: ${describeMissing(e)}`);
    }
    if (isDir) walk(input, cwd, add, skipped);
    else add(input);
  }
  return { files, skipped };
}

function walk(dir: string, cwd: string, add: (p: string) => void, skipped: CollectedFiles['skipped']): void {
  let names: string[];
  try {
    names = readdirSync(resolve(cwd, dir));
  } catch (e) {
    skipped.push({ path: dir, reason: `cannot list folder (${ioReason(e)})` });
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try {
      st = lstatSync(resolve(cwd, p));
    } catch (e) {
      skipped.push({ path: p, reason: `cannot examine (${ioReason(e)})` });
      continue;
    }
    if (st.isDirectory()) {
      // Dot folders (.git, .vscode, build caches) and node_modules are never provider sources.
      if (name.startsWith('.') || name === 'node_modules') continue;
      walk(p, cwd, add, skipped);
    } else if (isSourceFileName(name) && (st.isFile() || st.isSymbolicLink())) {
      // Symlinked files are read through (a dangling one is reported when read); symlinked folders are
      // not followed, so a link cycle cannot make the walk endless.
      add(p);
    }
  }
}

function describeMissing(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return ioReason(e);
}
