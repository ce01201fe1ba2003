/** Polling instead of fixed sleeps: the language server answers when it answers. */

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What was last seen, for the timeout message. */
  describe?: () => string;
}

/** Calls `probe` until it returns something other than undefined, or throws after the timeout. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      // A provider that is not ready yet may throw; keep polling and report the error if time runs out.
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const seen = options.describe ? `; last seen: ${options.describe()}` : '';
      const err = lastError ? `; last error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}${err}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
