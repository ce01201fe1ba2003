/**
 * Reads a source file from disk and decodes it to the text the analyzer sees. Shared by the CLI and the
 * language server (no LSP imports). Positions in findings are UTF-16 code units of the decoded text, so
 * every decoding here maps the file to one JavaScript string and nothing else.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { kind: 'text'; text: string; encoding: SourceEncoding }
  | { kind: 'skipped'; reason: string };

export interface ReadOptions {
  /** Files larger than this are skipped, never read (default 10 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** How much of the file is sampled for the binary test (NUL bytes, garbage ratio). */
export const SNIFF_BYTES = 8 * 1024;

/**
 * In a file that is not valid UTF-8, the share of sampled bytes that may be invalid UTF-8 or control
 * characters before the file counts as binary. Legacy-encoded C sources (windows-1252, GBK comments)
 * stay far below it because their code is ASCII; random or compressed data sits near one half.
 */
export const MAX_GARBAGE_RATIO = 0.3;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * windows-1252's 0x80-0x9F row (the rest matches Latin-1). Node 20's TextDecoder('windows-1252')
 * decodes as plain Latin-1, turning the curly quotes that old sources have in comments into C1
 * controls, hence the table. The five unassigned bytes keep their Latin-1 code points, as in WHATWG.
 */
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** One byte becomes one UTF-16 unit, so offsets in the text are byte offsets in the file. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_80_9F.charCodeAt(b - 0x80) : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

export function decodeSource(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return decodeUtf8OrLegacy(bytes.subarray(3), 'utf-8-bom');
  }
  // UTF-16 text is full of NUL bytes, so the BOM decides before the binary test does.
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) {
    return { kind: 'skipped', reason: `binary file (NUL byte in the first ${SNIFF_BYTES / 1024} KiB)` };
  }
  return decodeUtf8OrLegacy(bytes, 'utf-8');
}

function decodeUtf8OrLegacy(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): DecodeResult {
  try {
    return { kind: 'text', text: utf8Strict.decode(bytes), encoding };
  } catch {
    // Not UTF-8: either a legacy code page or binary data.
  }
  const sample = bytes.subarray(0, SNIFF_BYTES);
  const ratio = garbageBytes(sample) / Math.max(1, sample.length);
  if (ratio > MAX_GARBAGE_RATIO) {
    return {
      kind: 'skipped',
      reason: `binary file (${Math.round(ratio * 100)}% of the first ${SNIFF_BYTES / 1024} KiB is invalid UTF-8 or control bytes)`,
    };
  }
  return { kind: 'text', text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** Synchronous read for the CLI. Never throws: I/O failures come back as `skipped` with the reason. */
export function readSourceFileSync(path: string, options: ReadOptions = {}): DecodeResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return tooLarge(size, maxBytes);
    return decodeSource(readFileSync(path));
  } catch (e) {
    return { kind: 'skipped', reason: `cannot read (${ioReason(e)})` };
  }
}

/** Asynchronous read for the language server's workspace scan. Never throws. */
export async function readSourceFile(path: string, options: ReadOptions = {}): Promise<DecodeResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) return tooLarge(size, maxBytes);
    return decodeSource(await readFile(path));
  } catch (e) {
    return { kind: 'skipped', reason: `cannot read (${ioReason(e)})` };
  }
}

function tooLarge(size: number, maxBytes: number): DecodeResult {
  return { kind: 'skipped', reason: `file too large (${formatBytes(size)}, limit ${formatBytes(maxBytes)})` };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** `ENOENT: no such file or directory` rather than the whole Node message with the path repeated. */
export function ioReason(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    const m = /^[A-Z]+: ([^,]+)/.exec(e.message);
    if (code && m) return `${code}: ${m[1]}`;
    return e.message;
  }
  return String(e);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Bytes that are part of no valid UTF-8 sequence, plus C0 controls other than white space. */
export function garbageBytes(bytes: Uint8Array): number {
  let bad = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      // \t \n \v \f \r, ESC (ANSI colour in comments) and ^Z (old DOS end-of-file) occur in real sources.
      if (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b && b !== 0x1a) bad++;
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      i += len;
    } else {
      bad++;
      i++;
    }
  }
  return bad;
}
