// Error-code tables on the function pages come as HTML (<tr><td>CODE</td><td>meaning</td></tr>), as
// Markdown rows (| <dl> <dt>[CODE](...) | meaning |), and on one page (LPWSPRecvDisconnect) as both in
// sequence. Rows are read in page order whatever their form.
import { stripInline } from './text.mjs';

const CODE = /^WSA[A-Z0-9_]*$/;

/** @returns {{ code: string, meaning: string }[]} page order, first occurrence of each code kept */
export function errorRows(text) {
  const found = [];
  for (const m of text.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/gi)].map((c) => stripInline(c[1]));
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
    // LPWSPAsyncSelect lists WSAENETDOWN twice with the same words; one entry is enough.
    if (out.some((e) => e.code === row.code)) continue;
    out.push({ code: row.code, meaning: row.meaning });
  }
  return out;
}
