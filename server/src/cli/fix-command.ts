/**
 * `wsplint fix <files or folders...> [--write] [--macro NAME]`: the language server's safe fixes
 * (`source.fixAll.wsplint`, the same code in server/src/core/fix), headless. Without --write it prints a
 * unified diff; with --write it rewrites each file in its own encoding, changing no byte outside the
 * edited ranges, and refuses (one line on stderr, the file left alone) when it cannot: a fix that would
 * add parse errors, or text the file's encoding cannot hold.
 * Exit codes: 0 nothing to fix or everything written; 1 (without --write) fixes are pending; 2 usage or
 * I/O error, or a file that could not be fixed.
 */
import { chmodSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAnalyzer, type Analyzer, type Finding, type SourceFile } from '../core';
import { applyEditsToBytes, applyEdits, fixAll, fixContext, type OffsetEdit } from '../core/fix';
import { collectSourceFiles, InputError, SOURCE_EXTENSIONS } from '../core/io/collect-files';
import { DEFAULT_MAX_BYTES, decodeSource, formatBytes, ioReason, type SourceEncoding } from '../core/io/read-source';
import { contractForFunction } from '../core/spec/implementation-of';
import { unifiedDiff } from './unified-diff';

export interface FixIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export const FIX_HELP = `Usage: wsplint fix <files or folders...> [--write] [--macro NAME]

Applies every safe fix (the ones the editor's "Fix all" applies) to the files. Folders are walked for
${[...SOURCE_EXTENSIONS].join(' ')} files. Without --write, prints the changes as a unified diff.

Options:
  -w, --write        rewrite the files in place (in their own encoding and line endings; bytes outside
                     the fixed statements are left as they are)
      --macro NAME   blank macro NAME before parsing (as for wsplint check)
  -h, --help         show this help

Exit codes: 0 nothing to fix (or all written), 1 fixes pending (without --write), 2 usage or I/O error
or a file that could not be fixed.
`;

interface FixArgs {
  write: boolean;
  macros: string[];
  paths: string[];
}

class FixUsageError extends Error {}

function parseArgs(args: readonly string[]): FixArgs | 'help' {
  const out: FixArgs = { write: false, macros: [], paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.paths.push(...args.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-w' || a === '--write') out.write = true;
    else if (a === '--macro' || a.startsWith('--macro=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v || v.startsWith('--')) throw new FixUsageError('missing argument: --macro needs a macro name');
      const names = v.split(',').map((m) => m.trim()).filter(Boolean);
      const bad = names.find((m) => !/^[A-Za-z_]\w*$/.test(m));
      if (bad !== undefined) throw new FixUsageError(`--macro: '${bad}' is not a C identifier`);
      out.macros.push(...names);
    } else if (a.startsWith('-') && a !== '-') throw new FixUsageError(`unknown option ${a} (see wsplint fix --help)`);
    else out.paths.push(a);
  }
  return out;
}

interface LoadedFile {
  path: string;
  abs: string;
  bytes: Uint8Array;
  text: string;
  encoding: SourceEncoding;
}

function load(paths: readonly string[], io: FixIo): { files: LoadedFile[]; errors: number } {
  let errors = 0;
  let collected;
  try {
    collected = collectSourceFiles(paths, io.cwd);
  } catch (e) {
    if (e instanceof InputError) throw new FixUsageError(e.message);
    throw e;
  }
  for (const s of collected.skipped) io.stderr(`wsplint: skipped ${s.path}: ${s.reason}\n`);
  const files: LoadedFile[] = [];
  for (const path of collected.files) {
    const abs = resolve(io.cwd, path);
    try {
      const size = statSync(abs).size;
      if (size > DEFAULT_MAX_BYTES) {
        io.stderr(`wsplint: skipped ${path}: file too large (${formatBytes(size)}, limit ${formatBytes(DEFAULT_MAX_BYTES)})\n`);
        continue;
      }
      const bytes = new Uint8Array(readFileSync(abs));
      const d = decodeSource(bytes);
      if (d.kind === 'skipped') io.stderr(`wsplint: skipped ${path}: ${d.reason}\n`);
      else files.push({ path, abs, bytes, text: d.text, encoding: d.encoding });
    } catch (e) {
      io.stderr(`wsplint: cannot read ${path}: ${ioReason(e)}\n`);
      errors++;
    }
  }
  return { files, errors };
}

interface FileFix {
  file: LoadedFile;
  edit: OffsetEdit;
  fixed: string;
  applied: number;
}

/** Fix-all on one file, analysed with every other file of the run (helpers in other files count). */
function fixOne(analyzer: Analyzer, file: LoadedFile, all: readonly SourceFile[], io: FixIo): FileFix | null | 'refused' {
  const others = all.filter((f) => f.path !== file.path);
  const run = (text: string) => analyzer.analyze([{ path: file.path, text }, ...others], { reportOnly: [file.path] });
  const findings = (text: string): Finding[] => run(text).findings.filter((f) => f.file === file.path);
  const contextFor = (text: string, f: Finding) => fixContext(text, f, contractForFunction, () => others.map((o) => o.text));
  const result = fixAll(file.text, findings, contextFor);
  if (!result.edit) return null;
  const fixed = applyEdits(file.text, [result.edit]);
  const errorsOf = (text: string): number => run(text).files.find((r) => r.path === file.path)?.parseErrors ?? 0;
  const before = errorsOf(file.text);
  const after = errorsOf(fixed);
  if (after > before) {
    io.stderr(`wsplint: not fixing ${file.path}: the fixes would add parse errors (${before} -> ${after}); please report this\n`);
    return 'refused';
  }
  return { file, edit: result.edit, fixed, applied: result.applied };
}

function writeFix(fix: FileFix, io: FixIo): boolean {
  const { file } = fix;
  const r = applyEditsToBytes(file.bytes, file.text, file.encoding, [fix.edit], fix.fixed);
  if (!r.ok) {
    io.stderr(`wsplint: not fixing ${file.path}: ${r.reason}\n`);
    return false;
  }
  // Write beside, then rename: an interrupted write never leaves half a source file.
  const tmp = `${file.abs}.wsplint-fix-${process.pid}`;
  try {
    const mode = statSync(file.abs).mode;
    writeFileSync(tmp, r.bytes);
    chmodSync(tmp, mode & 0o7777);
    renameSync(tmp, file.abs);
    return true;
  } catch (e) {
    io.stderr(`wsplint: cannot write ${file.path}: ${ioReason(e)}\n`);
    return false;
  }
}

export async function fixCommand(args: readonly string[], io: FixIo): Promise<number> {
  let opts: FixArgs | 'help';
  try {
    opts = parseArgs(args);
    if (opts === 'help') {
      io.stdout(FIX_HELP);
      return 0;
    }
    if (opts.paths.length === 0) throw new FixUsageError('fix: no input files (give files or folders to fix)');
  } catch (e) {
    if (!(e instanceof FixUsageError)) throw e;
    io.stderr(`wsplint: ${e.message}\n`);
    return 2;
  }
  let loaded;
  try {
    loaded = load(opts.paths, io);
  } catch (e) {
    if (!(e instanceof FixUsageError)) throw e;
    io.stderr(`wsplint: ${e.message}\n`);
    return 2;
  }
  const { files } = loaded;
  let failed = loaded.errors;
  if (files.length === 0) {
    io.stderr('wsplint: fix: no input file could be read\n');
    return 2;
  }
  const analyzer = await createAnalyzer(opts.macros.length ? { extraMacros: opts.macros } : {});
  const all: SourceFile[] = files.map((f) => ({ path: f.path, text: f.text }));
  let changed = 0;
  let applied = 0;
  for (const file of files) {
    const fix = fixOne(analyzer, file, all, io);
    if (fix === 'refused') {
      failed++;
      continue;
    }
    if (!fix) continue;
    if (opts.write) {
      if (!writeFix(fix, io)) {
        failed++;
        continue;
      }
    } else {
      io.stdout(unifiedDiff(file.text, fix.fixed, `a/${file.path}`, `b/${file.path}`));
    }
    changed++;
    applied += fix.applied;
  }
  const files_ = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
  if (changed === 0 && failed === 0) io.stderr(`wsplint: nothing to fix in ${files_(files.length)}\n`);
  else if (opts.write) io.stderr(`wsplint: applied ${applied} fix${applied === 1 ? '' : 'es'} in ${files_(changed)}\n`);
  else if (changed > 0) io.stderr(`wsplint: ${applied} fix${applied === 1 ? '' : 'es'} in ${files_(changed)} (run with --write to apply)\n`);
  if (failed > 0) return 2;
  return changed > 0 && !opts.write ? 1 : 0;
}
