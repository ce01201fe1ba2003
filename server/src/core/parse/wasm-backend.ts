import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import type { Language as Lang } from '../types';
import type { ParserBackend } from './backend';

/**
 * web-tree-sitter: runs everywhere (the VS Code extension ships only this one). The grammars are the .wasm
 * files the tree-sitter-c and tree-sitter-cpp npm packages ship, copied into grammars/ and beside the
 * bundles by the build (see grammars/manifest.json).
 */
export function grammarDir(): string {
  const candidates = [
    process.env.WSPLINT_GRAMMARS,
    __dirname,
    join(__dirname, '..', 'grammars'),
    join(__dirname, '..', '..', 'grammars'),
    join(__dirname, '..', '..', '..', 'grammars'),
    join(__dirname, '..', '..', '..', '..', 'grammars'),
    process.env.WSPLINT_ROOT ? join(process.env.WSPLINT_ROOT, 'grammars') : undefined,
    join(process.cwd(), 'grammars'),
  ];
  for (const c of candidates) if (c && existsSync(join(c, 'tree-sitter-c.wasm'))) return c;
  throw new Error(`wsplint: cannot find tree-sitter-c.wasm (looked beside ${__dirname} and in grammars/)`);
}

export async function loadWasmBackend(): Promise<ParserBackend> {
  const dir = grammarDir();
  await Parser.init({ locateFile: (name: string) => join(dir, name) });
  const c = await Language.load(join(dir, 'tree-sitter-c.wasm'));
  const cpp = await Language.load(join(dir, 'tree-sitter-cpp.wasm'));
  const pc = new Parser();
  pc.setLanguage(c);
  const pcpp = new Parser();
  pcpp.setLanguage(cpp);
  return {
    name: 'wasm',
    parse(text: string, language: Lang, old?: Tree): Tree {
      const p = language === 'cpp' ? pcpp : pc;
      const tree = p.parse(text, old ?? null);
      if (!tree) throw new Error('tree-sitter returned no tree');
      return tree;
    },
  };
}
