/**
 * Loads web-tree-sitter and the C grammar once. The .wasm files sit beside the bundle (dist/) or in the
 * repository's grammars/ folder; WSPLINT_ROOT points at the repository when neither is near.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

let loading: Promise<Parser> | null = null;

export function locateGrammar(file: string): string {
  const dirs = [__dirname, join(__dirname, '..'), join(__dirname, '..', 'grammars')];
  const root = process.env.WSPLINT_ROOT;
  if (root) dirs.push(join(root, 'grammars'));
  for (const d of dirs) {
    const p = join(d, file);
    if (existsSync(p)) return p;
  }
  throw new Error(`cannot find ${file} (looked in ${dirs.join(', ')}); set WSPLINT_ROOT to the wsplint folder`);
}

/** A parser for C, shared by every run in this process. */
export function cParser(): Promise<Parser> {
  loading ??= (async () => {
    const runtimeWasm = locateGrammar('web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtimeWasm });
    const language = await Language.load(readFileSync(locateGrammar('tree-sitter-c.wasm')));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return loading;
}
