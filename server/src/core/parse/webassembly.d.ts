/**
 * The part of the WebAssembly API that wasm-backend.ts uses. The project compiles against the ES2022 lib
 * without DOM, which is where TypeScript declares WebAssembly; Node has it at run time.
 */
declare namespace WebAssembly {
  interface Module {
    readonly __brand?: 'WebAssembly.Module';
  }
  type Exports = Record<string, unknown>;
  type Imports = Record<string, Record<string, unknown>>;
  interface Instance {
    readonly exports: Exports;
  }
  function compile(bytes: Uint8Array): Promise<Module>;
  const Instance: new (module: Module, imports?: Imports) => Instance;
}
