/** Write-back at the byte level: offsets map per encoding, and what cannot be written exactly is refused. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEditsToBytes, byteOffset, encodeText } from '../../server/src/core/fix';
import { decodeSource } from '../../server/src/core/io/read-source';

function roundTrip(bytes: Uint8Array, find: string, replace: string) {
  const d = decodeSource(bytes);
  assert.equal(d.kind, 'text');
  if (d.kind !== 'text') throw new Error('unreachable');
  const start = d.text.indexOf(find);
  const edit = { start, end: start + find.length, newText: replace };
  const expected = d.text.slice(0, start) + replace + d.text.slice(start + find.length);
  return { d, r: applyEditsToBytes(bytes, d.text, d.encoding, [edit], expected) };
}

test('byte offsets: UTF-8 counts bytes (BOM included), UTF-16 two per unit after the BOM, Windows-1252 one', () => {
  const t = 'a\u00e9\ud83d\ude00b';
  assert.equal(byteOffset(t, 4, 'utf-8'), 1 + 2 + 4);
  assert.equal(byteOffset(t, 4, 'utf-8-bom'), 3 + 7);
  assert.equal(byteOffset(t, 4, 'utf-16le'), 2 + 8);
  assert.equal(byteOffset(t, 4, 'utf-16be'), 2 + 8);
  assert.equal(byteOffset('ab\u2019c', 3, 'windows-1252'), 3);
});

test('only the edited bytes change, in every encoding', () => {
  const cases: Uint8Array[] = [
    new Uint8Array(Buffer.from('/* caf\u00e9 \ud83d\ude00 */ x = EINVAL;\n', 'utf8')),
    new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('/* \u4e2d */ x = EINVAL;\r\n', 'utf8')]),
    new Uint8Array([0xff, 0xfe, ...Buffer.from('/* \ud83d\ude00 */ x = EINVAL;\n', 'utf16le')]),
    new Uint8Array([0x2f, 0x2a, 0x93, 0xe9, 0x94, 0x2a, 0x2f, ...Buffer.from(' x = EINVAL;\n')]),
    new Uint8Array([0x2f, 0x2f, 0xd6, 0xd0, 0xce, 0xc4, 0x0a, ...Buffer.from('x = EINVAL;\n')]),
  ];
  for (const bytes of cases) {
    const { r } = roundTrip(bytes, 'EINVAL', 'WSAEINVAL');
    assert.ok(r.ok, JSON.stringify(r));
    if (!r.ok) continue;
    const out = Buffer.from(r.bytes);
    const orig = Buffer.from(bytes);
    // Everything but the replaced token is a common prefix or suffix: 'EINVAL' became 'WSAEINVAL'.
    const utf16 = orig[0] === 0xff;
    const token = Buffer.from('EINVAL', utf16 ? 'utf16le' : 'latin1');
    const at = orig.indexOf(token);
    const inserted = Buffer.from('WSA', utf16 ? 'utf16le' : 'latin1');
    assert.deepEqual(out, Buffer.concat([orig.subarray(0, at), inserted, orig.subarray(at)]));
  }
});

test('text the encoding cannot hold is refused, not mangled', () => {
  const bytes = new Uint8Array([0x2f, 0x2a, 0xe9, 0x2a, 0x2f, ...Buffer.from(' x = 1;\n')]);
  const { d, r } = roundTrip(bytes, '1', '\u4e2d');
  assert.equal(d.kind === 'text' && d.encoding, 'windows-1252');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason, /windows-1252 cannot represent/);
  assert.equal(encodeText('\ud800x', 'utf-8'), null, 'a lone surrogate has no UTF-8 form');
});

test('a file that would not read back as the fixed text is refused (two BOMs: the decoder drops the second)', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...Buffer.from('int x = EINVAL;\n')]);
  const { r } = roundTrip(bytes, 'EINVAL', 'WSAEINVAL');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason, /cannot write the fix in the file's encoding/);
});
