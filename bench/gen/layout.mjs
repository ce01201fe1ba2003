// House layouts of real provider sources: indentation width or tabs, K&R or Allman braces. Templates are
// written in one layout (4 spaces, K&R) and re-laid here, so the same logic appears in several shapes.

/** @typedef {{ indent: string, allman: boolean, name: string }} Layout */

/** @type {readonly Layout[]} */
export const LAYOUTS = [
  { name: 'knr-4', indent: '    ', allman: false },
  { name: 'allman-4', indent: '    ', allman: true },
  { name: 'knr-tabs', indent: '\t', allman: false },
  { name: 'allman-tabs', indent: '\t', allman: true },
  { name: 'knr-2', indent: '  ', allman: false },
];

const CONTROL_OPEN = /^(\s*)((?:\}\s*)?(?:if|else|for|while|switch|do|try|catch|__try|__except|__finally)\b.*?)\s*\{$/;

/**
 * @param {string} text  template text, 4-space indents, K&R braces
 * @param {Layout} layout
 */
export function relayout(text, layout) {
  const out = [];
  for (const line of text.split('\n')) {
    const lead = /^( {4})*/.exec(line)?.[0].length ?? 0;
    const depth = lead / 4;
    const body = line.slice(lead);
    const pad = layout.indent.repeat(depth);
    const m = layout.allman ? CONTROL_OPEN.exec(body) : null;
    if (m && !body.includes('=')) {
      const head = m[2];
      if (head.startsWith('}')) {
        out.push(`${pad}}`);
        out.push(`${pad}${head.replace(/^\}\s*/, '')}`);
      } else out.push(`${pad}${head}`);
      out.push(`${pad}{`);
    } else out.push(body.length ? pad + body : '');
  }
  return out.join('\n');
}
