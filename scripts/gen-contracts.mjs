// Dev-time only: generate the contract tables in server/src/core/spec/generated/ from the SDK reference
// pages (the spec folder, default ../shared/spec relative to the repo root) and the C prototypes in
// mingw-w64's ws2spi.h. The build, the tests and the runtime read only the generated JSON, never the spec.
//
//   node scripts/gen-contracts.mjs [specDir] [--header /path/to/ws2spi.h]
//   npm run gen:contracts
//
// Output is deterministic (object keys sorted, arrays in page / struct order), so re-running it on the same
// inputs leaves no diff. Any page the parser cannot make sense of stops the run with a message naming it.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHeader } from './gen-contracts/header.mjs';
import { parseErrorCodesPage } from './gen-contracts/error-page.mjs';
import { parseFunctionPage } from './gen-contracts/function-page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_HEADER = '/usr/share/mingw-w64/include/ws2spi.h';

function parseArgs(argv) {
  let specDir = join(root, '..', 'shared', 'spec');
  let header = DEFAULT_HEADER;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--header') header = argv[++i];
    else specDir = resolve(argv[i]);
  }
  return { specDir, header };
}

function fail(message) {
  console.error(`gen-contracts: ${message}`);
  process.exit(1);
}

/** JSON with every object's keys sorted: arrays keep their (meaningful) order. */
function stableJson(value) {
  const sort = (v) => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) + '\n';
}

function main() {
  const { specDir, header } = parseArgs(process.argv.slice(2));
  const pagesDir = join(specDir, 'ws2spi');
  if (!existsSync(pagesDir)) fail(`no ws2spi/ folder under ${specDir} (pass the spec folder as the first argument)`);
  if (!existsSync(header)) {
    fail(`${header} not found: apt-get install -y gcc-mingw-w64-x86-64-win32, or pass --header <ws2spi.h>`);
  }

  const { typedefs, procTable } = parseHeader(readFileSync(header, 'utf8'));
  const errorCodes = parseErrorCodesPage(readFileSync(join(specDir, 'windows-sockets-error-codes.md'), 'utf8'));
  const knownCodes = new Set(errorCodes.map((e) => e.name));

  const pages = readdirSync(pagesDir)
    .filter((f) => /^(nc-ws2spi-lpwsp|nf-ws2spi-wspstartup).*\.md$/.test(f))
    .sort();
  const contracts = [];
  for (const page of pages) {
    let contract;
    try {
      contract = parseFunctionPage(page, readFileSync(join(pagesDir, page), 'utf8'), typedefs, procTable);
    } catch (e) {
      fail(`${page}: ${e instanceof Error ? e.message : String(e)}`);
    }
    // Every page has an error table; finding none means the parser missed its form.
    if (contract.errors.length === 0) fail(`${page}: no documented error codes found`);
    for (const err of contract.errors) {
      if (!knownCodes.has(err.code)) console.warn(`gen-contracts: ${page}: ${err.code} is not on the error-codes page`);
    }
    contracts.push(contract);
  }
  contracts.sort((a, b) => a.name.localeCompare(b.name));

  for (const entry of procTable) {
    if (!contracts.some((c) => c.procEntry === entry.field)) fail(`WSPPROC_TABLE.${entry.field} has no reference page`);
  }

  const outDir = join(root, 'server', 'src', 'core', 'spec', 'generated');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'contracts.json'), stableJson(contracts));
  writeFileSync(join(outDir, 'error-codes.json'), stableJson(errorCodes));
  writeFileSync(join(outDir, 'proc-table.json'), stableJson(procTable));
  console.log(`gen-contracts: ${contracts.length} contracts, ${errorCodes.length} error codes, ${procTable.length} proc-table fields -> ${outDir}`);
}

main();
