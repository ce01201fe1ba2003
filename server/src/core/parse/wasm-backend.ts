import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

/** The three WebAssembly modules, compiled: the tree-sitter runtime and the two grammars. */
export interface WasmModules {
  runtime: WebAssembly.Module;
  c: WebAssembly.Module;
  cpp: WebAssembly.Module;
}

export async function compileWasmModules(): Promise<WasmModules> {
  const dir = grammarDir();
  const compile = async (name: string): Promise<WebAssembly.Module> => WebAssembly.compile(await readFile(join(dir, name)));
  const [runtime, c, cpp] = await Promise.all([compile('web-tree-sitter.wasm'), compile('tree-sitter-c.wasm'), compile('tree-sitter-cpp.wasm')]);
  return { runtime, c, cpp };
}

let given: WasmModules | undefined;

/**
 * Worker threads of one process load these modules instead of compiling their own: V8 shares a module's
 * machine code between the threads, so the grammar's code is compiled and optimised once, not once per
 * thread (two threads warming up two copies on two cores took longer than the parse itself).
 * Call before the first loadParsers().
 */
export function useCompiledWasm(modules: WasmModules): void {
  given = modules;
}

export async function loadWasmBackend(): Promise<ParserBackend> {
  const dir = grammarDir();
  const shared = given;
  if (shared) {
    await Parser.init({
      instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): WebAssembly.Exports {
        const instance = new WebAssembly.Instance(shared.runtime, imports);
        done(instance, shared.runtime);
        return instance.exports;
      },
    });
  } else await Parser.init({ locateFile: (name: string) => join(dir, name) });
  const c = shared ? Language.loadSync(shared.c) : await Language.load(join(dir, 'tree-sitter-c.wasm'));
  const cpp = shared ? Language.loadSync(shared.cpp) : await Language.load(join(dir, 'tree-sitter-cpp.wasm'));
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
