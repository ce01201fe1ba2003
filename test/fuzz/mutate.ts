/**
 * Mutations of a seed C/C++ file, in the ways real editor buffers are broken: token ranges deleted,
 * duplicated or swapped (half-typed or half-pasted code), interesting tokens inserted (an unclosed brace,
 * a stray `#if`), deep nesting wrapped around a range, the file truncated, line endings mixed; and at the
 * byte level random bytes, NUL bytes, invalid UTF-8, and re-encodings (UTF-8 BOM, UTF-16 LE/BE, Windows-1252).
 */
import type { Rng } from './rng';
import { tokenize, type TokenSpan } from './tokens';

/** Fragments that steer the parser and the analyzer into their corners. */
const INTERESTING = [
  '{', '}', '(', ')', '[', ']', ';', ',', '*', '&', '->', '::', '<', '>', '?', ':', '\\\n', '"', "'", '/*', '*/', '//',
  '#if 0\n', '#ifdef X\n', '#else\n', '#endif\n', '#define F(x) x\n', '#include "missing.h"\n', '#pragma once\n',
  'goto cleanup;', 'cleanup:', 'return SOCKET_ERROR;', 'return 0;', 'return -1;', 'return WSAEFAULT;',
  '*lpErrno = WSAEFAULT;', '*lpErrno = ECONNREFUSED;', 'lpCalleeData->len = 0;', 'memcpy(lpCalleeData->buf, p, n);',
  'if (name == NULL) {', 'else', 'switch (x) {', 'case 1:', 'default:', 'break;', 'continue;', 'do {', '} while (0);',
  'for (;;) {', 'while (1)', '__try {', '} __except (1) {', '__leave;', '__finally {', 'try {', '} catch (...) {',
  'template <typename T>', 'class C {', 'public:', '[&](int e) { *lpErrno = e; }', 'R"(', ')"', 'u8"\u00e9"', "L'x'",
  'WSPPROC_TABLE t = { WSPConnect };', 'lpProcTable->lpWSPConnect = WSPConnect;', 'int WSPAPI WSPConnect(',
  '_In_reads_bytes_(namelen)', '_Out_', '__in', 'IN OUT', 'FAR', 'WSPAPI', '__stdcall', 'static', 'extern "C" {',
  '\u00a0', '\u200b', '\ud83d\ude00', '\u4e2d\u6587', '\u2019', '\t', '\r', '\r\n', '\f', '\u0000',
];

export type TextMutation = (text: string, rng: Rng, others: readonly string[]) => string;

function spans(text: string): TokenSpan[] {
  return tokenize(text);
}

/** A random run of 1..max tokens: [start offset, end offset). */
function tokenRange(toks: TokenSpan[], rng: Rng, max = 8): [number, number] | null {
  if (toks.length === 0) return null;
  const a = rng.int(toks.length);
  const b = Math.min(toks.length - 1, a + rng.int(max));
  return [toks[a].start, toks[b].end];
}

function boundary(text: string, toks: TokenSpan[], rng: Rng): number {
  if (toks.length === 0) return rng.int(text.length + 1);
  return rng.chance(0.5) ? toks[rng.int(toks.length)].start : toks[rng.int(toks.length)].end;
}

export const deleteTokens: TextMutation = (text, rng) => {
  const r = tokenRange(spans(text), rng, rng.chance(0.2) ? 60 : 6);
  return r ? text.slice(0, r[0]) + text.slice(r[1]) : text;
};

export const duplicateTokens: TextMutation = (text, rng) => {
  const toks = spans(text);
  const r = tokenRange(toks, rng, 30);
  if (!r) return text;
  const at = boundary(text, toks, rng);
  return text.slice(0, at) + ' ' + text.slice(r[0], r[1]) + ' ' + text.slice(at);
};

export const swapTokens: TextMutation = (text, rng) => {
  const toks = spans(text);
  const a = tokenRange(toks, rng, 10);
  const b = tokenRange(toks, rng, 10);
  if (!a || !b || a[1] > b[0]) return text;
  return text.slice(0, a[0]) + text.slice(b[0], b[1]) + text.slice(a[1], b[0]) + text.slice(a[0], a[1]) + text.slice(b[1]);
};

export const insertInteresting: TextMutation = (text, rng) => {
  const toks = spans(text);
  let out = text;
  for (let n = rng.range(1, 4); n > 0; n--) {
    const at = Math.min(out.length, boundary(out, toks, rng));
    out = out.slice(0, at) + rng.pick(INTERESTING) + out.slice(at);
  }
  return out;
};

/** Splices a token range of another seed in (code from one provider pasted into another). */
export const spliceOther: TextMutation = (text, rng, others) => {
  if (others.length === 0) return text;
  const other = rng.pick(others);
  const r = tokenRange(spans(other), rng, 80);
  if (!r) return text;
  const at = boundary(text, spans(text), rng);
  return text.slice(0, at) + other.slice(r[0], r[1]) + text.slice(at);
};

/** One identifier replaced by another of the file (`lpErrno` where `lpCalleeData` was, and so on). */
export const renameIdentifier: TextMutation = (text, rng) => {
  const ids = spans(text).filter((t) => /^[A-Za-z_]\w*$/.test(text.slice(t.start, t.end)));
  if (ids.length < 2) return text;
  const a = rng.pick(ids);
  const b = rng.pick(ids);
  return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end);
};

/** A token range wrapped in many levels of braces, parentheses, ifs or #ifs, balanced or not. */
export const nestDeeply: TextMutation = (text, rng) => {
  const toks = spans(text);
  const r = tokenRange(toks, rng, 20);
  if (!r) return text;
  const depth = rng.chance(0.1) ? rng.range(500, 3000) : rng.range(20, 200);
  const [open, close] = rng.pick([
    ['{', '}'],
    ['(', ')'],
    ['if (x) {', '}'],
    ['if (a) ', ''],
    ['#if 1\n', '\n#endif\n'],
    ['[', ']'],
    ['x ? (', ') : 0'],
    ['do { ', ' } while (0);'],
  ] as const);
  const balanced = rng.chance(0.8);
  const opens = open.repeat(depth);
  const closes = balanced ? close.repeat(depth) : close.repeat(rng.int(depth));
  return text.slice(0, r[0]) + opens + text.slice(r[0], r[1]) + closes + text.slice(r[1]);
};

export const mixLineEndings: TextMutation = (text, rng) => {
  const to = rng.pick(['\r\n', '\r', '\n']);
  if (rng.chance(0.5)) return text.replace(/\r?\n/g, to);
  // Only some lines: a file edited on two systems.
  return text.replace(/\r?\n/g, (m) => (rng.chance(0.3) ? to : m));
};

export const truncateText: TextMutation = (text, rng) => text.slice(0, rng.int(text.length + 1));

export const TEXT_MUTATIONS: readonly [string, TextMutation][] = [
  ['delete', deleteTokens],
  ['duplicate', duplicateTokens],
  ['swap', swapTokens],
  ['insert', insertInteresting],
  ['splice', spliceOther],
  ['rename', renameIdentifier],
  ['nest', nestDeeply],
  ['line-endings', mixLineEndings],
  ['truncate', truncateText],
];

export type ByteMutation = (bytes: Uint8Array, rng: Rng) => Uint8Array;

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

export const insertRandomBytes: ByteMutation = (bytes, rng) => {
  const at = rng.int(bytes.length + 1);
  const noise = new Uint8Array(rng.range(1, 16));
  for (let i = 0; i < noise.length; i++) noise[i] = rng.chance(0.2) ? 0 : rng.int(256);
  return concat(bytes.subarray(0, at), noise, bytes.subarray(at));
};

export const flipBytes: ByteMutation = (bytes, rng) => {
  const out = new Uint8Array(bytes);
  for (let n = rng.range(1, 8); n > 0 && out.length > 0; n--) out[rng.int(out.length)] ^= 1 << rng.int(8);
  return out;
};

/** Truncation at a byte, which may cut a UTF-8 or UTF-16 sequence in half. */
export const truncateBytes: ByteMutation = (bytes, rng) => bytes.subarray(0, rng.int(bytes.length + 1));

/** A comment in a legacy double-byte code page (GBK: lead 0x81-0xFE, trail 0x40-0xFE) at a line start. */
export const legacyComment: ByteMutation = (bytes, rng) => {
  const starts = [0];
  for (let i = 0; i < bytes.length && starts.length < 5000; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  const at = rng.pick(starts);
  const body: number[] = [];
  for (let n = rng.range(1, 12); n > 0; n--) body.push(rng.range(0x81, 0xfe), rng.range(0x40, 0xfe));
  const comment = rng.chance(0.5) ? [0x2f, 0x2f, 0x20, ...body, 0x0a] : [0x2f, 0x2a, 0x20, ...body, 0x20, 0x2a, 0x2f, 0x20];
  return concat(bytes.subarray(0, at), new Uint8Array(comment), bytes.subarray(at));
};

export const BYTE_MUTATIONS: readonly [string, ByteMutation][] = [
  ['random-bytes', insertRandomBytes],
  ['legacy-comment', legacyComment],
  ['flip-bits', flipBytes],
  ['truncate-bytes', truncateBytes],
];

/** Windows-1252 bytes for text that is Latin-1 plus the 0x80-0x9F row; other characters become '?'. */
function cp1252(text: string): Uint8Array {
  const row = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = row.indexOf(text[i]);
    out[i] = k >= 0 ? 0x80 + k : c < 0x100 ? c : 0x3f;
  }
  return out;
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const b = Buffer.from(text, 'utf16le');
  if (bigEndian) b.swap16();
  return concat(new Uint8Array(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), b);
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-8-bom':
      return concat(new Uint8Array([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8'));
    case 'utf-16le':
      return utf16(text, false);
    case 'utf-16be':
      return utf16(text, true);
    case 'windows-1252':
      return cp1252(text);
  }
}
