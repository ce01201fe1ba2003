/**
 * Runs the snippets of a C file and reports one SnippetResult each. The simulated and host stacks run
 * them through the interpreter; the Winsock stack compiles and runs them whole (./native/select-stack.ts),
 * behind the same result shape.
 */
import type { Tree } from 'web-tree-sitter';
import { blankMacros } from '../../server/src/core/parse/blank';
import type { NetworkConfig } from './net/network';
import { defaultNetwork } from './net/network';
import { SimulatedStack } from './stack/simulated/simulated-stack';
import type { Stack } from './stack/stack';
import type { Profile, RunReport, SnippetResult, StackName } from './types';
import type { Expr } from './interp/ast';
import { declare, exec } from './interp/exec';
import { field } from './interp/lower-types';
import { Lowerer } from './interp/lower';
import { Machine } from './interp/machine';
import { MemoryError } from './interp/memory';
import { cParser } from './interp/parser';
import type { SnippetInfo } from './interp/snippets';
import { scanSnippets } from './interp/snippets';
import { RunStop } from './interp/values';
import type { NativeRunOptions, NativeStacks } from './native/select-stack';
import { DEFAULT_NATIVE_LIMIT_MS, NativeUnavailable, isSnippetRunner, nativeStacks } from './native/select-stack';

export type StackChoice = StackName | 'native';

export interface RunOptions extends NativeRunOptions {
  /** Only the snippet with this name. */
  snippet?: string;
  stack?: StackChoice;
  /** Overrides the snippets' own `profile=` option. */
  profile?: Profile;
  /** Step budget per snippet (default 200000, or the snippet's `budget=`). */
  budget?: number;
}

export const DEFAULT_BUDGET = 200000;

/** Why a file could not be run at all (no snippet, unknown snippet name, stack not available). */
export class RunSetupError extends Error {}

/** What a stack that runs whole snippets (the Winsock stack compiles them) implements. */
export interface SnippetRunner {
  readonly stack: StackName;
  run(source: string, snippet: SnippetInfo, profile: Profile): Promise<SnippetResult>;
}

export async function runSource(source: string, options: RunOptions = {}): Promise<RunReport> {
  const stackChoice = options.stack ?? 'simulated';
  let native: NativeStacks | null = null;
  try {
    native = stackChoice === 'simulated' ? null : nativeStacks(stackChoice, options);
  } catch (e) {
    if (e instanceof NativeUnavailable) throw new RunSetupError(e.message);
    throw e;
  }
  const parser = await cParser();
  // Calling conventions and SAL annotations (WSPAPI, _In_, FAR) are blanked as the analyzer does,
  // keeping every line and column where it was.
  const tree = parser.parse(blankMacros(source).text) as Tree;
  try {
    const scan = scanSnippets(tree.rootNode);
    if (scan.snippets.length === 0) {
      const why = scan.errors.length ? ` (${scan.errors.join('; ')})` : '';
      throw new RunSetupError(`no snippet found: mark a function with a "// wsplint:snippet" comment${why}`);
    }
    const chosen = options.snippet === undefined ? scan.snippets : scan.snippets.filter((s) => s.name === options.snippet);
    if (chosen.length === 0) {
      throw new RunSetupError(`no snippet named "${options.snippet}" (snippets: ${scan.snippets.map((s) => s.name).join(', ')})`);
    }
    const lowerer = new Lowerer();
    lowerer.parseMacroValue = (text) => {
      const t = parser.parse(`int __wsplint_macro = (${text});`);
      const init = t?.rootNode.descendantsOfType('init_declarator')[0];
      const value = init ? field(init, 'value') : null;
      const expr: Expr | null = value && !t?.rootNode.hasError ? lowerer.expr(value) : null;
      t?.delete();
      return expr;
    };
    const program = lowerer.program(tree.rootNode);
    const results: SnippetResult[] = [];
    for (const info of chosen) {
      const profile = options.profile ?? profileOption(info) ?? 'spec';
      // A mistaken directive anywhere changes what the network does: no snippet runs on a guess.
      const errors = [...scan.errors, ...info.errors];
      const made = native?.forSnippet(profile);
      if (made && isSnippetRunner(made)) {
        results.push(await made.run(source, { ...info, errors }, profile));
        continue;
      }
      const stack = made ?? new SimulatedStack({
        profile,
        network: networkFor(scan.fileNet, info),
        provider: { connectData: info.options['connect-data'] === true, qos: info.options.qos === true },
      });
      const budget = options.budget ?? numberOption(info, 'budget') ?? DEFAULT_BUDGET;
      results.push(await runOne(program, lowerer, info, stack, profile, budget, wallLimit(options), errors));
      await stack.dispose();
    }
    return { version: 1, snippets: results };
  } finally {
    tree.delete();
  }
}

/**
 * The wall-clock limit of one interpreted snippet: `timeoutMs` (wsplint run --timeout), the same limit the
 * native stacks apply, so no stack runs a snippet longer than the user allowed.
 */
function wallLimit(options: RunOptions): number {
  const t = options.timeoutMs;
  return t !== undefined && Number.isFinite(t) && t > 0 ? t : DEFAULT_NATIVE_LIMIT_MS;
}

function profileOption(info: SnippetInfo): Profile | undefined {
  const p = info.options.profile;
  return p === 'spec' || p === 'windows' ? p : undefined;
}

function numberOption(info: SnippetInfo, key: string): number | undefined {
  const v = info.options[key];
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

function networkFor(file: SnippetInfo['net'], info: SnippetInfo): NetworkConfig {
  const net = defaultNetwork();
  const host = info.net.host ?? file.host;
  if (host) {
    if (host.ip.length === 4) net.hostV4 = host;
    else net.hostV6 = host;
  }
  net.rules = [...file.rules, ...info.net.rules];
  return net;
}

async function runOne(
  program: ReturnType<Lowerer['program']>,
  lowerer: Lowerer,
  info: SnippetInfo,
  stack: Stack,
  profile: Profile,
  budget: number,
  wallMs: number,
  directiveErrors: string[],
): Promise<SnippetResult> {
  const m = new Machine({ program, stack, typedefs: lowerer.env.typedefs, budget, wallMs });
  const result = (error: string | null): SnippetResult => ({
    name: info.name,
    line: info.line,
    stack: stack.name,
    profile,
    calls: m.calls,
    events: m.events,
    output: m.output(),
    error,
  });
  if (directiveErrors.length) return result(directiveErrors.join('; '));
  const fn = program.functions.get(info.functionName);
  if (!fn) return result(`line ${info.line}: the snippet function could not be read`);
  if (fn.params.length > 0) return result(`line ${info.line}: a snippet function takes no parameters (${fn.name} has ${fn.params.length})`);
  try {
    m.scopes = [new Map()];
    for (const g of program.globals) await declare(m, g, m.globals, `global:${g.name}`);
    const r = await exec(m, fn.body);
    if (r?.t === 'goto') throw new RunStop(`goto ${r.label}: no such label in an enclosing block`);
    if (r?.t === 'break' || r?.t === 'continue') throw new RunStop(`${r.t} outside a loop`);
    return result(null);
  } catch (e) {
    if (e instanceof RunStop) return result(`line ${e.line ?? m.line}: ${e.message}`);
    if (e instanceof MemoryError) return result(`line ${m.line}: ${e.message}`);
    const message = e instanceof Error ? e.message : String(e);
    return result(`line ${m.line}: internal error: ${message}`);
  }
}
