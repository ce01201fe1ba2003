/** The server log: goes to the client's output channel (window/logMessage), never to the user as a popup. */
import { ResponseError, type RemoteConsole } from 'vscode-languageserver';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function consoleLogger(console: RemoteConsole): Logger {
  const stamp = (): string => new Date().toISOString().slice(11, 23);
  return {
    info: (m) => console.info(`[${stamp()}] ${m}`),
    warn: (m) => console.warn(`[${stamp()}] ${m}`),
    error: (m) => console.error(`[${stamp()}] ${m}`),
  };
}

/**
 * Runs a handler body; an exception is logged and turned into the fallback value instead of an error reply.
 * A ResponseError is a deliberate answer (RequestCancelled for a cancelled request) and goes to the client.
 */
export async function guarded<T>(log: Logger, what: string, fallback: T, body: () => T | Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return fallback;
  }
}
