/**
 * Chooses the native stack a run uses: `host` (Node's net/dgram, always there), `winsock` (compiled
 * and run for real, needs a compiler and, off Windows, Wine), or `native`: the Winsock stack when its
 * tools are there, else the host stack. The runner (../runner.ts) asks here for each snippet's stack.
 */
import type { Stack } from '../stack/stack';
import type { SnippetRunner } from '../runner';
import type { Profile } from '../types';
import { HostStack } from './host/host-stack';
import type { NetPolicy } from './net-policy';
import { LOOPBACK_ONLY, parseNetPolicy } from './net-policy';
import { ToolchainMissing, findToolchain } from './winsock/toolchain';
import type { Toolchain } from './winsock/toolchain';
import { WinsockRunner } from './winsock/winsock-runner';

/** Run options of the native stacks (plain data: they cross to the runtime worker by postMessage). */
export interface NativeRunOptions {
  /** Beyond loopback, where native runs may send traffic: `any`, or `ADDRESS[/PREFIX],...`. */
  allowNet?: string;
  /** Wall-clock limit of one snippet on a native stack, in ms (default 10000). */
  timeoutMs?: number;
}

export type NativeChoice = 'host' | 'winsock' | 'native';

/** A native stack cannot be used: the message says why and what to install. */
export class NativeUnavailable extends Error {}

export interface NativeStacks {
  stack: 'host' | 'winsock';
  /** A Stack for the interpreter (host), or a runner for whole snippets (winsock). */
  forSnippet(profile: Profile): Stack | SnippetRunner;
}

export const DEFAULT_NATIVE_LIMIT_MS = 10_000;
const MAX_NATIVE_LIMIT_MS = 600_000;

function policyOf(options: NativeRunOptions): NetPolicy {
  if (options.allowNet === undefined) return LOOPBACK_ONLY;
  try {
    return parseNetPolicy(options.allowNet);
  } catch (e) {
    throw new NativeUnavailable(e instanceof Error ? e.message : String(e));
  }
}

function limitOf(options: NativeRunOptions): number {
  const t = options.timeoutMs ?? DEFAULT_NATIVE_LIMIT_MS;
  if (!Number.isInteger(t) || t <= 0 || t > MAX_NATIVE_LIMIT_MS) {
    throw new NativeUnavailable(`the native time limit must be a whole number of ms between 1 and ${MAX_NATIVE_LIMIT_MS} (got ${t})`);
  }
  return t;
}

/** `toolchain` is for tests that pretend the Winsock tools are missing (it throws ToolchainMissing). */
export function nativeStacks(choice: NativeChoice, options: NativeRunOptions = {}, toolchain?: () => Toolchain): NativeStacks {
  const policy = policyOf(options);
  const limitMs = limitOf(options);
  const host: NativeStacks = { stack: 'host', forSnippet: (profile) => new HostStack({ profile, policy, limitMs }) };
  if (choice === 'host') return host;
  let tc: Toolchain;
  try {
    tc = (toolchain ?? findToolchain)();
  } catch (e) {
    if (!(e instanceof ToolchainMissing)) throw e;
    if (choice === 'native') return host;
    throw new NativeUnavailable(e.message);
  }
  return { stack: 'winsock', forSnippet: () => new WinsockRunner({ policy, limitMs, toolchain: tc }) };
}

/** True for a runner of whole snippets (the Winsock stack), false for an interpreter Stack. */
export function isSnippetRunner(x: Stack | SnippetRunner): x is SnippetRunner {
  return 'run' in x && typeof x.run === 'function';
}
