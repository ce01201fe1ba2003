/**
 * The language status item: analysis state and the time of the last analysis; it turns to a warning
 * when analysis is slow (vscode-eslint does the same), and opens the server log when clicked.
 */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

/** Analyses slower than this are shown as a warning: typing will feel it. */
export const SLOW_MS = 1500;

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('wsplint.status', selector);
    this.item.name = 'wsplint';
    this.item.command = { title: 'Show log', command: 'wsplint.showOutput' };
  }

  update(p: StatusParams): void {
    const it = this.item;
    it.busy = p.state === 'analyzing' || p.state === 'scanning';
    it.severity = vscode.LanguageStatusSeverity.Information;
    const files = p.workspaceFiles !== undefined ? `${p.workspaceFiles} workspace files` : '';
    switch (p.state) {
      case 'disabled':
        it.text = 'wsplint: off';
        it.detail = 'wsplint.enable is false for this file';
        return;
      case 'scanning':
        it.text = 'wsplint: reading workspace';
        it.detail = files;
        return;
      case 'analyzing':
        it.text = 'wsplint: analysing';
        it.detail = files;
        return;
      case 'idle': {
        const ms = p.analysisMs;
        it.text = ms === undefined ? 'wsplint' : `wsplint: ${ms} ms`;
        const parts = [p.findings !== undefined ? `${p.findings} findings` : '', files, p.note ?? ''].filter(Boolean);
        it.detail = parts.join(' · ');
        if ((ms !== undefined && ms > SLOW_MS) || p.note) it.severity = vscode.LanguageStatusSeverity.Warning;
        return;
      }
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
