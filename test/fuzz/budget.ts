/**
 * The time an input may take, proportional to its size: a fixed allowance (a cold tree-sitter parse,
 * the analyzer's per-file set-up) plus a rate per kilobyte. The rate is set well above the analyzer's
 * measured throughput (docs/reliability.md) so a busy shared machine does not turn slowness into "hangs",
 * while a loop that never ends is still caught. `scale` stretches both for slow machines.
 */
export const BASE_MS = 5000;
export const MS_PER_KB = 20;

export function budgetMs(bytes: number, scale = 1): number {
  return Math.round((BASE_MS + (MS_PER_KB * bytes) / 1024) * scale);
}
