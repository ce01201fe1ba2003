/**
 * Code lenses above each snippet function: Run (simulated), Run (native), Compare. Like rust-analyzer's
 * runnables, each lens's command carries everything the run needs ({uri, snippet, line, stack,
 * profile}); while a run is in progress its lens turns into Stop.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Commands, type CancelRunArgs, type RunMode, type RunSnippetArgs } from './protocol';
import type { Settings } from './settings';
import { findSnippetSites } from './snippet-sites';

const LENSES: { mode: RunMode; title: string }[] = [
  { mode: 'simulated', title: '▶ Run (simulated)' },
  { mode: 'native', title: '▶ Run (native)' },
  { mode: 'compare', title: '⇄ Compare' },
];

export function snippetLenses(doc: TextDocument, settings: Settings, running: (snippet: string) => RunMode | undefined): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const site of findSnippetSites(doc.getText())) {
    const line = doc.positionAt(site.headerStart).line;
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    const busy = running(site.name);
    for (const l of LENSES) {
      if (busy === l.mode) {
        const args: CancelRunArgs = { uri: doc.uri, snippet: site.name };
        lenses.push({ range, command: { title: `■ Stop (${l.mode === 'compare' ? 'compare' : l.mode} run)`, command: Commands.cancelRun, arguments: [args] } });
        continue;
      }
      const args: RunSnippetArgs = { uri: doc.uri, snippet: site.name, line, stack: l.mode };
      if (settings.runProfile !== 'auto') args.profile = settings.runProfile;
      const title = site.problem && l.mode === 'simulated' ? `${l.title} ⚠ ${site.problem}` : l.title;
      lenses.push({ range, command: { title, command: Commands.runSnippet, arguments: [args] } });
    }
  }
  return lenses;
}
