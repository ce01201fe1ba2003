// Reads the C prototypes and the WSPPROC_TABLE layout out of mingw-w64's ws2spi.h (generation time only).
// The reference pages carry no prototype and the WSPPROC_TABLE page lacks the struct body (spec/README.md),
// so the header is the source for parameter types and for the table's field order.

/** mingw spellings that differ from the Windows SDK's, mapped back so hovers read like the SDK. */
const SDK_SPELLING = [
  [/\bWINBOOL\b/g, 'BOOL'],
  [/\b__LONG32\b/g, 'long'],
];

function sdkType(type) {
  let t = type.replace(/\s+/g, ' ').replace(/\s*\*\s*/g, ' *').trim();
  for (const [re, to] of SDK_SPELLING) t = t.replace(re, to);
  return t;
}

/** `const struct sockaddr *name` -> { name: 'name', type: 'const struct sockaddr *' }. */
function splitParam(text) {
  const m = /^(.*?)([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(text.trim());
  if (!m || !m[1].trim()) throw new Error(`cannot split parameter "${text}"`);
  return { name: m[2], type: sdkType(m[1]) };
}

/**
 * @param {string} source text of ws2spi.h
 * @returns {{ typedefs: Map<string, { returnType: string, params: { name: string, type: string }[] }>,
 *             procTable: { field: string, typedef: string, function: string }[] }}
 */
export function parseHeader(source) {
  const typedefs = new Map();
  const re = /typedef\s+([A-Za-z_][A-Za-z0-9_ ]*?)\s*\(\s*WSPAPI\s*\*\s*(LPWSP[A-Z]+)\s*\)\s*\(([^)]*)\)\s*;/g;
  for (const m of source.matchAll(re)) {
    const params = m[3].trim() === '' || m[3].trim() === 'void' ? [] : m[3].split(',').map(splitParam);
    typedefs.set(m[2], { returnType: sdkType(m[1]), params });
  }
  if (typedefs.size === 0) throw new Error('no LPWSP* typedefs found in the header');

  const body = /typedef\s+struct\s+_WSPPROC_TABLE\s*\{([\s\S]*?)\}\s*WSPPROC_TABLE/.exec(source);
  if (!body) throw new Error('struct _WSPPROC_TABLE not found in the header');
  const procTable = [];
  for (const line of body[1].split('\n')) {
    const f = /^\s*(LPWSP[A-Z]+)\s+(lpWSP[A-Za-z]+)\s*;/.exec(line);
    if (!f) continue;
    if (!typedefs.has(f[1])) throw new Error(`WSPPROC_TABLE.${f[2]} has type ${f[1]} with no typedef`);
    procTable.push({ field: f[2], typedef: f[1], function: f[2].slice(2) });
  }
  if (procTable.length === 0) throw new Error('WSPPROC_TABLE has no fields');
  return { typedefs, procTable };
}
