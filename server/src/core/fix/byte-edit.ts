/**
 * Writing a fixed text back in the file's own encoding without touching a byte outside the edited range.
 * The edits are offsets into the decoded text (UTF-16 code units); each maps to a byte offset in the
 * original file for its encoding, and only the bytes in between are replaced by the new text encoded the
 * same way. A file read as Windows-1252 (which is also how a GBK- or Big5-commented file is read: one
 * byte, one character) keeps every byte it had. When the result would not decode to exactly the fixed
 * text (an unencodable character, a damaged UTF-16 file, a second BOM), the write is refused.
 */
import { decodeSource, type SourceEncoding } from '../io/read-source';
import type { OffsetEdit } from './types';

export type ByteEditResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function bomLength(encoding: SourceEncoding): number {
  return encoding === 'utf-8-bom' ? 3 : encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 0;
}

/** The text in the file's encoding, or null when a character has no byte sequence there. */
export function encodeText(text: string, encoding: SourceEncoding): Uint8Array | null {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      // A lone surrogate has no UTF-8 form (Buffer would write U+FFFD in its place).
      return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text) ? null : new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-16le':
    case 'utf-16be': {
      const b = Buffer.from(text, 'utf16le');
      if (encoding === 'utf-16be') b.swap16();
      return new Uint8Array(b);
    }
    case 'windows-1252': {
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const row = CP1252_80_9F.indexOf(text[i]);
        if (row >= 0) out[i] = 0x80 + row;
        else if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
        else return null;
      }
      return out;
    }
  }
}

/** Byte offset in the file of a text offset (the BOM counted). */
export function byteOffset(text: string, offset: number, encoding: SourceEncoding): number {
  const bom = bomLength(encoding);
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return bom + Buffer.byteLength(text.slice(0, offset), 'utf8');
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return bom + 2 * offset;
  return offset;
}

/**
 * Applies non-overlapping edits of `text` (the decoding of `bytes` as `encoding`) to the bytes. `expected`
 * is the fixed text; the result must decode to it, in the same encoding.
 */
export function applyEditsToBytes(bytes: Uint8Array, text: string, encoding: SourceEncoding, edits: readonly OffsetEdit[], expected: string): ByteEditResult {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const e of sorted) {
    const start = byteOffset(text, e.start, encoding);
    const end = byteOffset(text, e.end, encoding);
    if (start < at || end < start || end > bytes.length) return { ok: false, reason: `the edit at ${e.start}-${e.end} does not map onto the file's bytes` };
    const enc = encodeText(e.newText, encoding);
    if (!enc) return { ok: false, reason: `the fix inserts characters that ${encoding} cannot represent` };
    parts.push(bytes.subarray(at, start), enc);
    at = end;
  }
  parts.push(bytes.subarray(at));
  const out = new Uint8Array(Buffer.concat(parts));
  const back = decodeSource(out);
  if (back.kind !== 'text' || back.encoding !== encoding || back.text !== expected) {
    const why = back.kind !== 'text' ? back.reason : back.encoding !== encoding ? `it would read back as ${back.encoding}` : 'it would not read back as the fixed text';
    return { ok: false, reason: `cannot write the fix in the file's encoding (${encoding}): ${why}` };
  }
  return { ok: true, bytes: out };
}
