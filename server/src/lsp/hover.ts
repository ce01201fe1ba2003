/**
 * Hovers, all from the contract tables (core/spec), never from copied text:
 * - a WSA error code: its meaning for the function the cursor is in, or that it is not documented there;
 * - a POSIX errno name: the Winsock code to use instead;
 * - a WSP* function, LPWSP* typedef or lpWSP* table member (or a provider's implementation name):
 *   signature, parameters, returns and documented codes;
 * - a parameter of an implementation: what the spec says about that parameter.
 * `hoverMarkdown` is plain (no LSP imports) so it is tested on inline sources.
 */
import { errorCode, isDocumentedFor, type FunctionContract } from '../core/spec';
import { functionAt, type CFunction } from './c-functions';
import { contractForFunction } from '../core/spec/implementation-of';

export function hoverMarkdown(text: string, offset: number, otherTexts: () => string[] = () => []): string | null {
  const word = wordAt(text, offset);
  if (!word) return null;
  const fn = functionAt(text, offset);
  const contractOf = (f: CFunction): FunctionContract | undefined => {
    let c = contractForFunction(f.name, text);
    for (const t of c ? [] : otherTexts()) if ((c = contractForFunction(f.name, t))) break;
    return c;
  };
  const inContract = fn && word.start > fn.bodyStart ? contractOf(fn) : undefined;

  const code = errorCode(word.text);
  if (code && word.text.startsWith('WSA')) {
    const lines = [`**${code.name}** (${code.value}): ${code.title}`, '', code.description];
    if (inContract) {
      const documented = inContract.errors.find((e) => e.code === code.name);
      if (documented) lines.push('', `**For ${inContract.name}:** ${documented.meaning}`);
      else if (isDocumentedFor(inContract, code.name)) lines.push('', `**For ${inContract.name}:** the pending code: the operation completes later.`);
      else lines.push('', `**Not documented for ${inContract.name}.** Its documented codes: ${inContract.errors.map((e) => `\`${e.code}\``).join(', ')}.`);
    }
    return lines.join('\n');
  }
  if (/^E[A-Z0-9]+$/.test(word.text)) {
    const wsa = errorCode('WSA' + word.text);
    if (wsa) {
      return `\`${word.text}\` is a C runtime \`errno\` value, not a Winsock error code: a provider reports **${wsa.name}** (${wsa.value}): ${wsa.title}.`;
    }
  }

  const named = contractForFunction(word.text, '');
  if (named) return contractMarkdown(named);
  if (fn && word.start === fn.nameStart) {
    const c = contractOf(fn);
    if (c) return [`\`${fn.name}\` implements **${c.name}**.`, '', contractMarkdown(c)].join('\n');
  }

  if (fn && word.start > fn.nameStart) {
    const index = fn.params.findIndex((p) => p.name === word.text);
    const c = index >= 0 ? contractOf(fn) : undefined;
    const p = c?.params.find((x) => x.index === index);
    if (c && p) return paramMarkdown(c, index, word.text);
  }
  return null;
}

function contractMarkdown(c: FunctionContract): string {
  const sig = `${c.returnType} WSPAPI ${c.name}(\n${c.params.map((p) => `    ${p.type}${p.type.endsWith('*') ? '' : ' '}${p.name}`).join(',\n')}\n);`;
  const lines = ['```c', sig, '```', '', c.summary, '', '**Parameters**', ''];
  for (const p of c.params) lines.push(`- \`${p.name}\` [${p.direction}${p.optional ? ', optional' : ''}]: ${p.description}`);
  lines.push('', `**Returns:** ${c.returns.text}`);
  if (c.errors.length > 0) {
    lines.push('', '**Documented error codes**', '');
    for (const e of c.errors) lines.push(`- \`${e.code}\`: ${e.meaning}`);
  }
  if (c.procEntry) lines.push('', `WSPPROC_TABLE member: \`${c.procEntry}\` (\`${c.typedef}\`).`);
  return lines.join('\n');
}

function paramMarkdown(c: FunctionContract, index: number, localName: string): string {
  const p = c.params.find((x) => x.index === index);
  if (!p) return '';
  const renamed = localName !== p.name ? ` (\`${p.name}\` in the spec)` : '';
  const lines = [
    `**${localName}**${renamed}: parameter ${index + 1} of ${c.name}, \`${p.type}\`, [${p.direction}${p.optional ? ', optional' : ''}]`,
    '',
    p.description,
  ];
  if (p.optionalBecause && !p.description.includes(p.optionalBecause)) lines.push('', p.optionalBecause);
  const word = new RegExp(`\\b${p.name}\\b`);
  const remarks = c.remarks.filter((r) => word.test(r) && !r.startsWith('```')).slice(0, 3);
  if (remarks.length > 0) lines.push('', '**Remarks**', '', ...remarks.flatMap((r) => [r, '']));
  const codes = c.errors.filter((e) => word.test(e.meaning));
  if (codes.length > 0) lines.push('', '**Codes about it**', '', ...codes.map((e) => `- \`${e.code}\`: ${e.meaning}`));
  return lines.join('\n').trimEnd();
}

function wordAt(text: string, offset: number): { text: string; start: number } | null {
  let s = offset;
  let e = offset;
  while (s > 0 && /\w/.test(text[s - 1])) s--;
  while (e < text.length && /\w/.test(text[e])) e++;
  if (s === e || !/^[A-Za-z_]/.test(text[s])) return null;
  return { text: text.slice(s, e), start: s };
}
