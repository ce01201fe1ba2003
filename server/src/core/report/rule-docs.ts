/**
 * The rule pages under docs/rules/ are the one source of each rule's explanation: the SARIF report
 * embeds them as rule help, so a code-scanning UI shows the same text the repository does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../rules/registry';
import type { RuleId } from '../types';

export interface RuleDoc {
  /** The page's first paragraph as plain text (SARIF fullDescription). */
  summary: string;
  /** The whole page. */
  markdown: string;
  /** The whole page with the markdown syntax taken out, for viewers that show only text. */
  text: string;
}

export function parseRuleDoc(markdown: string): RuleDoc {
  const body = markdown.replace(/\r\n?/g, '\n');
  // First paragraph after the H1: the page's one-sentence "what it checks".
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim());
  const first = paragraphs.find((p) => p.length > 0 && !p.startsWith('#')) ?? '';
  return { summary: markdownToText(first).replace(/\s*\n\s*/g, ' '), markdown: body, text: markdownToText(body) };
}

/** Good enough for our own pages: headings, emphasis, code spans, fences and links. */
export function markdownToText(md: string): string {
  return md
    .split('\n')
    .filter((l) => !/^\s*```/.test(l))
    .map((l) =>
      l
        .replace(/^#{1,6}\s+/, '')
        .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/`([^`]*)`/g, '$1'),
    )
    .join('\n')
    .trim();
}

/** Reads every registered rule's page from `root` (the repository or package root). Missing pages are left out. */
export function loadRuleDocs(root: string): Map<RuleId, RuleDoc> {
  const docs = new Map<RuleId, RuleDoc>();
  for (const rule of RULES) {
    try {
      docs.set(rule.id, parseRuleDoc(readFileSync(join(root, rule.doc), 'utf8')));
    } catch {
      // A report without help text is still a correct report; the title stands in for it.
    }
  }
  return docs;
}
