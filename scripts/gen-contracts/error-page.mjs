// Parses windows-sockets-error-codes.md: one table row per code, "<strong>NAME</strong> <dt>value</dt>"
// in the first cell, "<dt>title</dt> <dd>description</dd>" in the second.
import { stripInline } from './text.mjs';

/** @returns {{ name: string, value: number, title: string, description: string }[]} in page (numeric) order */
export function parseErrorCodesPage(md) {
  const codes = [];
  for (const tr of md.matchAll(/<tr class="(?:odd|even)">([\s\S]*?)<\/tr>/g)) {
    const cells = [...tr[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]);
    if (cells.length !== 2) throw new Error(`error-codes page: a row has ${cells.length} cells, expected 2`);
    const head = /<strong>([A-Z0-9_]+)<\/strong>\s*<\/dt>\s*<dt>\s*(\d+)\s*<\/dt>/.exec(cells[0]);
    if (!head) throw new Error(`error-codes page: cannot read the code in "${stripInline(cells[0])}"`);
    const dd = /<dd>([\s\S]*?)<\/dd>/.exec(cells[1]);
    // Most rows put the title in the first <dt>; WSA_IO_PENDING puts it before the <dl> instead.
    const dt = /<dt>([\s\S]*?)<\/dt>/.exec(cells[1]);
    let title = dt ? stripInline(dt[1]) : '';
    if (!title) title = stripInline(cells[1].split(/<dl>/)[0]);
    codes.push({
      name: head[1],
      value: Number(head[2]),
      title: title.replace(/\.$/, ''),
      description: dd ? stripInline(dd[1]) : '',
    });
  }
  if (codes.length === 0) throw new Error('error-codes page: no codes found');
  const seen = new Set();
  for (const c of codes) {
    if (seen.has(c.name)) throw new Error(`error-codes page: ${c.name} listed twice`);
    seen.add(c.name);
  }
  return codes;
}
