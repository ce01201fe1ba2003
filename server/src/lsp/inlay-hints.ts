/**
 * Snippet results as inlay hints at the end of each call's line (`→ SOCKET_ERROR · WSAECONNREFUSED
 * (10061)`), so any LSP editor shows them where the call is; the tooltip is the line's hover.
 */
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineHoverMarkdown } from './run-result-text';
import type { SnippetResults } from './snippet-results';

export function resultInlayHints(results: SnippetResults, doc: TextDocument, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const l of results.labels(doc.uri)) {
    if (l.at < range.start.line || l.at > range.end.line || l.at >= doc.lineCount) continue;
    const text = doc.getText({ start: { line: l.at, character: 0 }, end: { line: l.at + 1, character: 0 } });
    const md = lineHoverMarkdown(l.run.results, l.line);
    hints.push({
      position: { line: l.at, character: text.replace(/\r?\n$/, '').length },
      label: l.text,
      paddingLeft: true,
      ...(md ? { tooltip: { kind: MarkupKind.Markdown, value: md } } : {}),
    });
  }
  return hints;
}

/** Markdown about the results on a line, for the hover there (null: no result on it). */
export function resultHover(results: SnippetResults, uri: string, line: number): string | null {
  const parts = results.at(uri, line).flatMap(({ run, runLine }) => {
    const md = lineHoverMarkdown(run.results, runLine);
    if (md) return [md];
    // A run that did not finish has no result to explain, only its own line about why.
    return run.labels.filter((l) => l.line === runLine).map((l) => `**${run.snippet}:** ${l.text}`);
  });
  return parts.length ? parts.join('\n\n---\n\n') : null;
}
