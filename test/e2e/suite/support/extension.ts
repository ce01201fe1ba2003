/** The extension under test: the one installed from the .vsix, activated by opening a C file. */
import * as vscode from 'vscode';
import { isAbsolute, relative } from 'node:path';

export const EXTENSION_ID = 'wsplint.wsplint';

export function wsplintExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    const others = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`extension ${EXTENSION_ID} is not installed; non-builtin extensions present: ${others.join(', ') || 'none'}`);
  }
  return ext;
}

/**
 * Where the runner installed the .vsix (WSPLINT_E2E_EXTENSIONS_DIR); the extension must be loaded from
 * there, not from the repository, or the test would not prove that the package works.
 */
export function expectedInstallDir(): string | undefined {
  return process.env.WSPLINT_E2E_EXTENSIONS_DIR || undefined;
}

export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
