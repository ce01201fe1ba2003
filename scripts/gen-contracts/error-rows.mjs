// Error-code tables on the function pages come as HTML (<tr><td>CODE</td><td>meaning</td></tr>), as
// Markdown rows (| <dl> <dt>[CODE](...) | meaning |), and on one page (LPWSPRecvDisconnect) as both in
// sequence. Rows are read in page order whatever their form.
import { cellBodies, stripInline } from './text.mjs';

const CODE = /^WSA[A-Z0-9_]*$/;

/** @returns {{ code: string, meaning: string }[]} page order, one entry per code */
export function errorRows(text) {
  const found = [];
  for (const m of text.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = cellBodies(m[1]).map(stripInline);
    if (cells.length >= 2) found.push({ at: m.index, code: cells[0], meaning: cells[1] });
  }
  const withoutHtml = text.replace(/<table[\s\S]*?<\/table>/gi, (t) => ' '.repeat(t.length));
  for (const m of withoutHtml.matchAll(/^[ \t]*\|(.*)$/gm)) {
    const cells = m[1].replace(/\|\s*$/, '').split('|').map(stripInline);
    if (cells.length >= 2) found.push({ at: m.index, code: cells[0], meaning: cells.slice(1).join(' ').trim() });
  }
  found.sort((a, b) => a.at - b.at);
  const out = [];
  for (const row of found) {
    if (!CODE.test(row.code)) continue;
    // Some tables list a code twice: LPWSPAsyncSelect's WSAENETDOWN with the same words (one entry is
    // enough), LPWSPSetSockOpt's WSAEINPROGRESS with two meanings (kept, one per line, at the first place).
    const seen = out.find((e) => e.code === row.code);
    if (!seen) out.push({ code: row.code, meaning: row.meaning });
    else if (!seen.meaning.split('\n').includes(row.meaning)) seen.meaning += '\n' + row.meaning;
  }
  return out;
}
