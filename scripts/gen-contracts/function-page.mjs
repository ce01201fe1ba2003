// Parses one ws2spi reference page (nc-ws2spi-lpwsp*.md or nf-ws2spi-wspstartup.md) into a FunctionContract
// (server/src/core/spec/types.ts), with parameter types from the header.
import { errorRows } from './error-rows.mjs';
import { optionalEvidence } from './optional.mjs';
import { paragraphs, stripInline } from './text.mjs';

/**
 * Directions for the few parameters whose heading carries none, each with the sentence it rests on.
 * Keyed by `Function.param`.
 */
const DIRECTION_WITHOUT_HEADING = {
  'WSPGetSockOpt.s': ['in', 'A descriptor identifying a socket.'],
  'WSPGetSockOpt.level': ['in', 'The level at which the option is defined'],
  'WSPGetSockOpt.optname': ['in', 'The socket option for which the value is to be retrieved.'],
  'WSPGetSockOpt.optval': ['out', 'The value associated with the selected option is returned in the buffer optval.'],
  'WSPGetSockOpt.optlen': [
    'inout',
    'The integer pointed to by optlen should originally contain the size of this buffer; on return, it will be set to the size of the value returned.',
  ],
  'WSPGetSockOpt.lpErrno': ['out', 'A pointer to the error code.'],
  'WSPSocket.dwFlags': ['in', 'Socket attribute specification.'],
};

/** Headings that contradict the page's own returns section; the correction and the sentence it rests on. */
const DIRECTION_CORRECTED = {
  // Heading says [in]; the returns section: "a specific error code is available in lpErrno".
  'WSPIoctl.lpErrno': ['out', 'Otherwise, a value of SOCKET_ERROR is returned, and a specific error code is available in lpErrno.'],
  // Heading says [in, out]; same sentence on the page.
  'WSPRecvFrom.lpErrno': ['out', 'Otherwise, a value of SOCKET_ERROR is returned, and a specific error code is available in lpErrno.'],
};

/** Optional parameters whose page says so without naming the parameter in the sentence. */
const OPTIONAL_UNNAMED = {
  'WSPAccept.lpfnCondition':
    'WSPAccept function extracts the first connection on the queue of pending connections on socket s, and checks it against the condition function, provided the condition function is specified (that is, not null).',
};

/** Only pointers and handles can be NULL; "cbOutBuffer is less than ... or lpvOutBuffer is NULL" names both. */
function nullable(type) {
  return /\*|^(?:const )?(?:L?P[A-Z]|WSAEVENT\b|HANDLE\b|HWND\b)/.test(type);
}

function frontMatter(md) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(md);
  if (!m) throw new Error('no front matter');
  const fields = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([\w.]+):\s*(.*)$/.exec(line);
    if (kv) fields[kv[1]] = kv[2].trim();
  }
  return { fields, rest: md.slice(m[0].length) };
}

/** `## -name` sections of the page body. */
function sections(body) {
  const out = {};
  const parts = body.replace(/\r/g, '').split(/^## -([\w-]+)[ \t]*$/m);
  for (let i = 1; i < parts.length; i += 2) out[parts[i]] = parts[i + 1];
  return out;
}

function parseDirection(heading) {
  const m = /\[([^\]]*)\]\s*$/.exec(heading);
  if (!m) return null;
  const words = m[1].split(',').map((w) => w.trim().toLowerCase());
  const dir = words.includes('in') && words.includes('out') ? 'inout' : words.includes('out') ? 'out' : words.includes('in') ? 'in' : null;
  if (!dir) throw new Error(`unknown direction "[${m[1]}]"`);
  return { direction: dir, optional: words.includes('optional'), name: heading.slice(0, m.index).trim() };
}

function pageParams(section) {
  const parts = section.split(/^### -param[ \t]+(.*)$/m);
  const params = [];
  for (let i = 1; i < parts.length; i += 2) {
    const heading = parts[i].replace(/\\/g, '').trim();
    const dir = parseDirection(heading);
    const name = (dir ? dir.name : heading).replace(/^\*+/, '').trim();
    params.push({ name, dir, description: paragraphs(parts[i + 1]).join('\n') });
  }
  return params;
}

/** Return-value convention, read from the page's own words in the -returns section. */
function returnConvention(text, returnType, errors) {
  if (/INVALID_SOCKET/.test(text)) return { success: ['a valid SOCKET'], failure: ['INVALID_SOCKET'], errorReporting: 'lpErrno' };
  if (returnType === 'BOOL' && /\bTRUE\b/.test(text) && /\bFALSE\b/.test(text)) {
    return { success: ['TRUE'], failure: ['FALSE'], errorReporting: 'lpErrno' };
  }
  if (/SOCKET_ERROR/.test(text)) {
    const success = /total number of descriptors/.test(text) ? ['0', 'number of ready descriptors (> 0)'] : ['0'];
    if (!/\bzero\b|number of descriptors/.test(text)) throw new Error('SOCKET_ERROR page without a success value');
    return { success, failure: ['SOCKET_ERROR'], errorReporting: 'lpErrno' };
  }
  // WSPStartup: "returns zero if successful. Otherwise, it returns one of the error codes listed below."
  if (/returns zero if successful/.test(text) && /returns one of the error codes/.test(text)) {
    return { success: ['0'], failure: errors.map((e) => e.code), errorReporting: 'return-value' };
  }
  throw new Error(`cannot read the return convention from "${text.slice(0, 120)}"`);
}

/** Error tables under "### Event: FD_X, FD_Y" headings (per-network-event codes, not return codes). */
function eventErrors(...bodies) {
  const out = [];
  for (const body of bodies) {
    const parts = body.split(/^### (.*)$/m);
    for (let i = 1; i < parts.length; i += 2) {
      const h = /^Event[.]*:\s*(.*)$/.exec(parts[i].trim());
      if (!h) continue;
      const events = h[1].split(',').map((e) => e.trim()).filter((e) => e !== '');
      const errors = errorRows(parts[i + 1]);
      if (errors.length) out.push({ events, errors });
    }
  }
  return out;
}

export function parseFunctionPage(page, md, typedefs, procTable) {
  const { fields, rest } = frontMatter(md);
  const isStartup = page.startsWith('nf-');
  // The file name carries the typedef (nc-ws2spi-lpwspconnect.md); some titles add "(ws2spi.h)".
  const typedef = isStartup ? 'LPWSPSTARTUP' : page.replace(/^nc-ws2spi-|\.md$/g, '').toUpperCase();
  if (!isStartup && !fields.title?.startsWith(typedef)) throw new Error(`title "${fields.title}" does not name ${typedef}`);
  const header = typedefs.get(typedef);
  if (!header) throw new Error(`no typedef ${typedef} in the header`);
  const entry = procTable.find((p) => p.typedef === typedef);
  if (!isStartup && !entry) throw new Error(`${typedef} is not a WSPPROC_TABLE member type`);
  const name = isStartup ? 'WSPStartup' : entry.function;

  const sec = sections(rest);
  for (const s of ['description', 'parameters', 'returns', 'remarks']) {
    if (!(s in sec)) throw new Error(`no "## -${s}" section`);
  }
  const returnsMain = sec.returns.split(/^### /m)[0];
  const errors = errorRows(returnsMain);
  const prose = returnsMain.replace(/<table[\s\S]*?<\/table>/gi, '').replace(/^\s*\|.*$/gm, '');
  const returnsText = paragraphs(prose).join('\n\n');
  const remarks = paragraphs(sec.remarks);

  const fromPage = pageParams(sec.parameters);
  if (fromPage.length !== header.params.length) {
    throw new Error(`page lists ${fromPage.length} parameters, ${typedef} in the header has ${header.params.length}`);
  }
  const evidenceText = [...fromPage.map((p) => p.description), returnsText, ...remarks];
  const params = fromPage.map((p, index) => {
    const h = header.params[index];
    if (h.name.toLowerCase() !== p.name.toLowerCase()) {
      throw new Error(`parameter ${index} is "${p.name}" on the page but "${h.name}" in the header`);
    }
    let direction = p.dir?.direction;
    let directionNote;
    const corrected = DIRECTION_CORRECTED[`${name}.${p.name}`];
    if (corrected) [direction, directionNote] = corrected;
    if (!direction) {
      const known = DIRECTION_WITHOUT_HEADING[`${name}.${p.name}`];
      if (!known) throw new Error(`parameter ${p.name} has no [in]/[out] and no entry in DIRECTION_WITHOUT_HEADING`);
      [direction, directionNote] = known;
    }
    const because = p.dir?.optional
      ? `[${p.dir.direction}, optional]`
      : (OPTIONAL_UNNAMED[`${name}.${p.name}`] ?? (nullable(h.type) ? optionalEvidence(p.name, [p.description, ...evidenceText]) : undefined));
    const spec = { index, name: p.name, type: h.type, direction, optional: because !== undefined, description: p.description };
    // "### -param lpGQOS [in]: Reserved." A provider has no business reading it.
    if (/^Reserved\.?$/i.test(p.description)) spec.reserved = true;
    if (because !== undefined) spec.optionalBecause = because;
    if (directionNote !== undefined) spec.directionBecause = directionNote;
    return spec;
  });

  const conv = returnConvention(stripInline(prose), header.returnType, errors);
  const returns = { success: conv.success, failure: conv.failure, text: returnsText };
  // "The error code WSA_IO_PENDING indicates that the overlapped operation has been successfully initiated".
  if (/WSA_IO_PENDING/.test(prose) || errors.some((e) => e.code === 'WSA_IO_PENDING')) returns.pending = ['WSA_IO_PENDING'];

  const contract = {
    name,
    typedef,
    procEntry: isStartup ? null : entry.field,
    summary: paragraphs(sec.description)[0] ?? '',
    returnType: header.returnType,
    returns,
    errorReporting: conv.errorReporting,
    params,
    errors,
    remarks,
    page,
  };
  const events = eventErrors(sec.returns, sec.remarks);
  if (events.length) contract.eventErrors = events;
  return contract;
}
