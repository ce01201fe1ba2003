/**
 * Pathological inputs nobody writes by hand but editors do open: very deep nesting, huge functions, a
 * megabyte on one line, NUL bytes, invalid UTF-8, UTF-16. Each generator takes a size so the fuzzer can
 * mix small and full-size ones; the full sizes are those of issue 8 (10,000 levels, 100k lines, 1 MB).
 */
import type { Rng } from './rng';

const SIG =
  'int WSPAPI WSPConnect(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData, ' +
  'LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)\n';

export interface Generated {
  name: string;
  text?: string;
  bytes?: Uint8Array;
  /** `.c` or `.cpp`. */
  ext: string;
}

/** `variant` picks a shape outright (the canonical full-size inputs cover each); otherwise `rng` does. */
type Generator = (size: number, rng: Rng, variant?: number) => Generated;

function wrap(body: string): string {
  return `${SIG}{\n${body}\n    return 0;\n}\n`;
}

/** The nesting shapes: each is (open, close) repeated `depth` times around an errno-less failure. */
const NESTS: readonly [string, string, string][] = [
  ['braces', '{', '}'],
  ['ifs', 'if (s) {', '}'],
  ['braceless-ifs', 'if (s) ', ''],
  ['else-if-chain', 'if (s == 0) {} else ', ''],
  ['parens', '(', ')'],
  ['loops', 'while (s) {', '}'],
  ['switches', 'switch (s) { case 1:', '}'],
  ['do-while', 'do {', '} while (0);'],
  ['try', '__try {', '} __finally {}'],
  ['ifdef', '\n#ifdef X\n', '\n#endif\n'],
];

const deepNesting: Generator = (depth, rng, variant) => {
  const [name, open, close] = variant === undefined ? rng.pick(NESTS) : NESTS[variant % NESTS.length];
  const inner = name === 'parens' ? 'return (SOCKET_ERROR);' : 'return SOCKET_ERROR;';
  const body = name === 'parens' ? `    return ${'('.repeat(depth)}SOCKET_ERROR${')'.repeat(depth)};` : open.repeat(depth) + inner + close.repeat(depth);
  return { name: `deep-${name}-${depth}`, text: wrap(body), ext: rng.pick(['.c', '.cpp']) };
};

/** A long left- or right-leaning expression: a tree as deep as the line is long. */
const OPS = [' + ', ' || ', ' && ', ' , ', ' = ', ' ? 1 : '];

const deepExpression: Generator = (terms, rng, variant) => {
  const op = variant === undefined ? rng.pick(OPS) : OPS[variant % OPS.length];
  const expr = Array.from({ length: terms }, (_, i) => `x${i % 10}`).join(op);
  return { name: `deep-expression-${terms}`, text: wrap(`    int x0 = 0, x1, x2, x3, x4, x5, x6, x7, x8, x9;\n    if (${expr}) { *lpErrno = WSAEFAULT; return SOCKET_ERROR; }`), ext: '.c' };
};

const STATEMENTS = [
  (i: number) => `    if (s == ${i}) { *lpErrno = WSAEFAULT; return SOCKET_ERROR; }`,
  (i: number) => `    if (s == ${i}) return SOCKET_ERROR;`,
  (i: number) => `    x = x + ${i};`,
  (i: number) => `    if (x > ${i}) goto cleanup;`,
  (i: number) => `    memcpy(buf, name, namelen + ${i});`,
  (i: number) => `    switch (x) { case ${i}: *lpErrno = WSAEINVAL; break; default: break; }`,
];

const longFunction: Generator = (lines, rng, variant) => {
  const mix = variant === undefined ? rng.chance(0.5) : variant % 2 === 1;
  const body = ['    int x = 0; char buf[16];'];
  for (let i = 0; i < lines; i++) body.push(mix ? STATEMENTS[(i * 7 + 3) % STATEMENTS.length](i) : STATEMENTS[2](i));
  body.push('cleanup:', '    *lpErrno = WSAENETDOWN;', '    return SOCKET_ERROR;');
  return { name: `long-function-${lines}${mix ? '-mixed' : ''}`, text: wrap(body.join('\n')), ext: rng.pick(['.c', '.cpp']) };
};

/** Many small functions: a generated file with thousands of entry points and proc-table stores. */
const manyFunctions: Generator = (n, rng) => {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(SIG.replace('WSPConnect', `WSPConnect${i}`) + `{ if (namelen < ${i}) return SOCKET_ERROR; return 0; }\n`);
  parts.push('void Fill(LPWSPPROC_TABLE t) {');
  for (let i = 0; i < n; i++) parts.push(`  t->lpWSPConnect = WSPConnect${i};`);
  parts.push('}');
  return { name: `many-functions-${n}`, text: parts.join('\n'), ext: rng.pick(['.c', '.cpp']) };
};

const LINE_KINDS = ['string', 'comment', 'identifier', 'initializer', 'statements'];

const longLine: Generator = (bytes, rng, variant) => {
  const kind = variant === undefined ? rng.pick(LINE_KINDS) : LINE_KINDS[variant % LINE_KINDS.length];
  let line: string;
  if (kind === 'string') line = `    const char *s = "${'a'.repeat(bytes)}";`;
  else if (kind === 'comment') line = `    /* ${'x'.repeat(bytes)} */ return SOCKET_ERROR;`;
  else if (kind === 'identifier') line = `    int ${'v'.repeat(bytes)} = 0; return SOCKET_ERROR;`;
  else if (kind === 'initializer') line = `    static const int t[] = { ${'1, '.repeat(Math.floor(bytes / 3))}0 };`;
  else line = ' if (s) { *lpErrno = WSAEFAULT; return SOCKET_ERROR; }'.repeat(Math.max(1, Math.floor(bytes / 52)));
  return { name: `long-line-${kind}-${bytes}`, text: wrap(line), ext: '.c' };
};

const nulBytes: Generator = (size, rng) => {
  const text = wrap('    if (!name) { *lpErrno = WSAEFAULT; return SOCKET_ERROR; }\n'.repeat(Math.max(1, Math.floor(size / 60))));
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  for (let n = rng.range(1, 50); n > 0; n--) bytes[rng.int(bytes.length)] = 0;
  return { name: `nul-bytes-${size}`, bytes, ext: '.c' };
};

const invalidUtf8: Generator = (size, rng) => {
  const text = wrap('    /* comment */ if (!name) return SOCKET_ERROR;\n'.repeat(Math.max(1, Math.floor(size / 50))));
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  for (let n = rng.range(1, 200); n > 0; n--) bytes[rng.int(bytes.length)] = rng.pick([0x80, 0xbf, 0xc0, 0xc1, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xff, rng.range(0x80, 0xff)]);
  return { name: `invalid-utf8-${size}`, bytes, ext: '.c' };
};

const utf16Bom: Generator = (size, rng, variant) => {
  const be = variant === undefined ? rng.chance(0.5) : variant % 2 === 1;
  const text = wrap('    // comment \u4e2d\u6587 \ud83d\ude00\n    if (!name) return SOCKET_ERROR;\n'.repeat(Math.max(1, Math.floor(size / 60))));
  const body = Buffer.from(text, 'utf16le');
  if (be) body.swap16();
  let bytes = new Uint8Array(Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), body]));
  // An odd length or a lone surrogate: a UTF-16 file cut or damaged.
  if (rng.chance(0.3)) bytes = bytes.subarray(0, bytes.length - 1);
  if (rng.chance(0.3)) bytes[rng.int(bytes.length)] = 0xd8;
  return { name: `utf16-${be ? 'be' : 'le'}-bom-${size}`, bytes, ext: '.c' };
};

/** Random bytes: a binary opened by mistake. */
const randomBytes: Generator = (size, rng) => {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = rng.int(256);
  return { name: `random-bytes-${size}`, bytes, ext: rng.pick(['.c', '.cpp']) };
};

/** Name, generator, and the sizes: small (most runs) and full (issue 8's figures). */
export interface GeneratorSpec {
  name: string;
  make: Generator;
  small: [number, number];
  full: number;
  /** Shapes the generator has; each gets one canonical full-size input. */
  variants: number;
}

export const GENERATORS: readonly GeneratorSpec[] = [
  { name: 'deep-nesting', make: deepNesting, small: [50, 2000], full: 10_000, variants: NESTS.length },
  { name: 'deep-expression', make: deepExpression, small: [100, 5000], full: 100_000, variants: OPS.length },
  { name: 'long-function', make: longFunction, small: [100, 5000], full: 100_000, variants: 2 },
  { name: 'many-functions', make: manyFunctions, small: [10, 300], full: 3000, variants: 1 },
  { name: 'long-line', make: longLine, small: [1000, 100_000], full: 1_000_000, variants: LINE_KINDS.length },
  { name: 'nul-bytes', make: nulBytes, small: [100, 20_000], full: 200_000, variants: 1 },
  { name: 'invalid-utf8', make: invalidUtf8, small: [100, 20_000], full: 200_000, variants: 1 },
  { name: 'utf16-bom', make: utf16Bom, small: [100, 20_000], full: 200_000, variants: 2 },
  { name: 'random-bytes', make: randomBytes, small: [1, 20_000], full: 1_000_000, variants: 1 },
];
