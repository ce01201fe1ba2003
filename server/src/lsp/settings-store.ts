/**
 * Settings per resource, cached until the client says they changed (vscode-eslint's habit: no globals).
 * Clients that answer `workspace/configuration` are asked per document; the others push a `wsplint`
 * object with `workspace/didChangeConfiguration` (or in `initializationOptions`).
 */
import type { Connection } from 'vscode-languageserver';
import type { Logger } from './logger';
import { readSettings, SETTINGS_SECTION, type Settings } from './settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: Settings;

  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
    private readonly pull: boolean,
    initial: unknown,
  ) {
    this.pushed = this.validate(initial);
  }

  /** Settings for a document or folder URI (or the workspace when omitted). */
  get(scopeUri?: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    const key = scopeUri ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri, section: SETTINGS_SECTION })
        .then((raw: unknown) => this.validate(raw))
        .catch((e: unknown) => {
          this.log.error(`workspace/configuration failed, using the last pushed settings: ${String(e)}`);
          return this.pushed;
        });
      this.cache.set(key, p);
    }
    return p;
  }

  /** `workspace/didChangeConfiguration`: drop the cache; take pushed settings when the client sends them. */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    const section = typeof pushedSettings === 'object' && pushedSettings !== null ? (pushedSettings as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (section !== undefined) this.pushed = this.validate(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private validate(raw: unknown): Settings {
    const { settings, problems } = readSettings(raw);
    for (const p of problems) this.log.warn(p);
    return settings;
  }
}
