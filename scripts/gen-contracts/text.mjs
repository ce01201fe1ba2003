// Reduces the reference pages' mix of HTML and Markdown to plain text (links keep only their text).

/** UTF-8 punctuation that some pages store decoded as Windows-1252. */
const MOJIBAKE = [
  ['â€”', '—'],
  ['â€“', '–'],
  ['â€™', '’'],
  ['â€œ', '“'],
  ['â€\u009d', '”'],
];

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function fixMojibake(s) {
  let out = s;
  for (const [from, to] of MOJIBAKE) out = out.split(from).join(to);
  return out;
}

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Backslash-escaped Markdown characters are set aside (private-use code points) while emphasis is removed. */
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!,])/g;
const PRIVATE = 0xe000;

/** Inline HTML/Markdown to plain text on one line. */
export function stripInline(s) {
  const text = fixMojibake(s)
    .replace(ESCAPED, (_, c) => String.fromCharCode(PRIVATE + c.charCodeAt(0)))
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    // Italic before bold: "**FD_CLR(s, \\**set*)**" is bold around an escaped star and an italic word.
    .replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?=[^\w*]|$)/g, '$1$2')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PRIVATE));
  return decodeEntities(text).replace(/[ \t\r\n]+/g, ' ').trim();
}

/**
 * Cell contents of one table row. A cell ends at its </td>, or where the next cell or the row ends:
 * LPWSPSend's WSAEMSGSIZE row never closes its meaning cell.
 */
export function cellBodies(row) {
  return [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)(?=<\/t[dh]>|<t[dh][\s>]|$)/gi)].map((c) => c[1]);
}

/** Rows of every HTML table as arrays of cell texts. */
function htmlTableRows(html) {
  const rows = [];
  for (const tr of html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = cellBodies(tr[1]).map(stripInline);
    if (cells.some((c) => c !== '')) rows.push(cells);
  }
  return rows;
}

/**
 * Splits a section's body into plain-text paragraphs. HTML tables become one paragraph per row
 * ("cell: cell"), code fences and lists keep their line breaks, other soft-wrapped lines are joined.
 */
export function paragraphs(body) {
  // Code samples come as a one-cell HTML table around <pre>: keep them as fenced code, line breaks intact.
  const withCode = body.replace(/<div class="code">[\s\S]*?<pre>([\s\S]*?)<\/pre>[\s\S]*?<\/div>/gi, (_, code) =>
    '\n\n```cpp\n' + code.replace(/\r/g, '').replace(/[ \t]+$/gm, '').replace(/\n+$/, '') + '\n```\n\n',
  );
  const withTables = withCode.replace(/<table[\s\S]*?<\/table>/gi, (t) =>
    '\n\n' + htmlTableRows(t).map((r) => r.filter((c) => c !== '').join(': ')).join('\n\n') + '\n\n',
  );
  const out = [];
  const blocks = [];
  let current = [];
  let inFence = false;
  for (const raw of withTables.replace(/\r/g, '').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (!inFence && /^#{1,6}\s/.test(line)) {
      // Sub-headings inside a section ("### Event: FD_CONNECT") stand as their own paragraph.
      if (current.length) blocks.push(current);
      blocks.push([line.replace(/^#+\s*/, '')]);
      current = [];
    } else if (!inFence && line.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  for (const block of blocks) {
    if (/^\s*```/.test(block[0])) {
      out.push(decodeEntities(fixMojibake(block.join('\n'))));
    } else if (block.every((l) => /^\s*\|/.test(l))) {
      const rows = block
        .filter((l) => !/^\s*\|[\s|:-]*\|\s*$/.test(l))
        .map((l) => l.trim().replace(/^\||\|$/g, '').split('|').map(stripInline).filter((c) => c !== '').join(': '))
        .filter((r) => r !== '');
      out.push(...rows);
    } else if (block.some((l) => /^\s*([-*]|\d+\.)\s+/.test(l))) {
      const items = [];
      for (const l of block) {
        if (/^\s*([-*]|\d+\.)\s+/.test(l) || items.length === 0) items.push(l.trim());
        else items[items.length - 1] += ' ' + l.trim();
      }
      const text = items.map(stripInline).filter((t) => t !== '').join('\n');
      if (text) out.push(text);
    } else {
      // Blockquotes hold the pages' "> [!Note]" call-outs: keep the words, mark them as a note.
      const text = stripInline(block.map((l) => l.replace(/^\s*>\s?/, '')).join(' ')).replace(/^\[!(\w+)\]\s*/, '$1: ');
      if (text && !/^\w+:$/.test(text)) out.push(text);
    }
  }
  return out;
}
