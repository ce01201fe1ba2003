/**
 * One small provider in every encoding a real provider source comes in. A comment on the same line as
 * the finding's token holds characters that are wider than one unit in some encoding (an emoji: two
 * UTF-16 units, four UTF-8 bytes; Chinese: three UTF-8 bytes, two GBK bytes), so a position computed in
 * the wrong unit lands off the token.
 */
export interface EncodingVariant {
  name: string;
  eol: '\n' | '\r\n';
  /** The text as an editor decodes it (what the language server gets from the client). */
  text: string;
  bytes: Uint8Array;
  /** The same, after fix-all, as bytes and as text. */
  fixedBytes: Uint8Array;
  fixedText: string;
}

/** `@C@` is the comment body, `@E@` the line end. */
const TEMPLATE = [
  '/* A layered provider (@C@). */',
  '#include <ws2spi.h>',
  '',
  'int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen, LPWSABUF lpCallerData,',
  '    LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)',
  '{',
  '    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {',
  '        *lpErrno = WSAEFAULT;',
  '        return SOCKET_ERROR;',
  '    }',
  '    if (s == 0) {',
  '        /* @C@ */ *lpErrno = ECONNREFUSED; /* @C@ */',
  '        return SOCKET_ERROR;',
  '    }',
  '    return 0;',
  '}',
  '',
].join('@E@');

/** What fix-all makes of it: the POSIX code replaced, lpCalleeData->len set before the success return. */
const FIXED = TEMPLATE.replace('ECONNREFUSED;', 'WSAECONNREFUSED;').replace(
  '    return 0;@E@',
  '    if (lpCalleeData != NULL) {@E@        lpCalleeData->len = 0;@E@    }@E@    return 0;@E@',
);

/** The statement the non-wsa-error finding sits on (issue 2: "the store or call that sets the code"). */
export const TOKEN = '*lpErrno = ECONNREFUSED';
/** 0-based line of the token in every variant. */
export const TOKEN_LINE = 11;

const CP1252_ROW = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function cp1252(text: string): Uint8Array {
  return new Uint8Array(Array.from(text, (ch) => {
    const row = CP1252_ROW.indexOf(ch);
    const c = ch.charCodeAt(0);
    if (row >= 0) return 0x80 + row;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
    throw new Error(`not in windows-1252: ${ch}`);
  }));
}

/** GBK for ASCII plus the two characters the GBK variant uses. */
const GBK: Record<string, number[]> = { '\u4e2d': [0xd6, 0xd0], '\u6587': [0xce, 0xc4], '\u9519': [0xb4, 0xed], '\u8bef': [0xce, 0xf3] };
function gbk(text: string): Uint8Array {
  return new Uint8Array(Array.from(text).flatMap((ch) => GBK[ch] ?? (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : [0x3f])));
}

function utf16(text: string, be: boolean): Uint8Array {
  const b = Buffer.from(text, 'utf16le');
  if (be) b.swap16();
  return new Uint8Array(Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), b]));
}

const UNICODE_COMMENT = 'caf\u00e9 \ud83d\ude00 \u4e2d\u6587';

const ENCODERS: { name: string; eol: '\n' | '\r\n'; comment: string; encode: (t: string) => Uint8Array }[] = [
  { name: 'utf-8 lf', eol: '\n', comment: UNICODE_COMMENT, encode: (t) => new Uint8Array(Buffer.from(t, 'utf8')) },
  { name: 'utf-8 crlf', eol: '\r\n', comment: UNICODE_COMMENT, encode: (t) => new Uint8Array(Buffer.from(t, 'utf8')) },
  { name: 'utf-8 bom', eol: '\r\n', comment: UNICODE_COMMENT, encode: (t) => new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])) },
  { name: 'utf-16le bom', eol: '\r\n', comment: UNICODE_COMMENT, encode: (t) => utf16(t, false) },
  { name: 'utf-16be bom', eol: '\n', comment: UNICODE_COMMENT, encode: (t) => utf16(t, true) },
  { name: 'windows-1252', eol: '\r\n', comment: '\u201cna\u00efve\u201d \u2014 caf\u00e9 \u20ac5', encode: cp1252 },
  { name: 'gbk comments', eol: '\r\n', comment: '\u4e2d\u6587 \u9519\u8bef', encode: gbk },
];

export function encodingVariants(): EncodingVariant[] {
  return ENCODERS.map((e) => {
    const fill = (t: string): string => t.replace(/@C@/g, e.comment).replace(/@E@/g, e.eol);
    const text = fill(TEMPLATE);
    const fixedText = fill(FIXED);
    return { name: e.name, eol: e.eol, text, bytes: e.encode(text), fixedText, fixedBytes: e.encode(fixedText) };
  });
}
