/// <reference types="mocha" />
/**
 * Features whose checks are pending (see test/e2e/pending.json). A pending check that finds its feature
 * present fails, so that the list cannot silently outlive the feature.
 */
import pendingFile from '../../pending.json';

const listed: Record<string, string> = pendingFile.pending;

/** The reason a feature is pending, or undefined when its checks must pass. */
export function pendingFeature(feature: string): string | undefined {
  const override = process.env.WSPLINT_E2E_PENDING;
  if (override !== undefined) {
    const names = override.split(',').map((s) => s.trim()).filter(Boolean);
    return names.includes(feature) ? (listed[feature] ?? `listed in WSPLINT_E2E_PENDING`) : undefined;
  }
  return listed[feature];
}

/** Reasons of skipped tests, by full title; the suite's index reads them for the results file. */
const REASONS = Symbol.for('wsplint.e2e.skipReasons');
type ReasonHolder = { [REASONS]?: Map<string, string> };

export function skipReasons(): Map<string, string> {
  const g = globalThis as ReasonHolder;
  g[REASONS] ??= new Map<string, string>();
  return g[REASONS];
}

/** Marks the running test pending with a reason (mocha's skip() takes none). */
export function skipWithReason(ctx: Mocha.Context, reason: string): never {
  const title = ctx.test?.fullTitle() ?? '';
  skipReasons().set(title, reason);
  console.log(`      (pending: ${reason})`);
  ctx.skip();
}
