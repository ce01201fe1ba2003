/**
 * The server's settings: one schema with defaults. The extension manifest's `contributes.configuration`
 * mirrors it (test/lsp/settings-manifest.test.ts fails when they drift), as bash-language-server does.
 * No LSP imports here: the CLI can read the same defaults.
 */
import { RULES, type RuleId, type Severity } from '../core';

export type RuleSeverity = Severity | 'off';

export interface Settings {
  enable: boolean;
  severity: Partial<Record<RuleId, RuleSeverity>>;
  macros: string[];
  include: string[];
  exclude: string[];
  maxFiles: number;
  maxFileBytes: number;
  debounceMs: number;
  runTimeoutMs: number;
  runAllowNet: string;
  runProfile: RunProfileSetting;
  runNativeStack: NativeStackSetting;
}

/** `auto`: the snippet's own `profile=` option, else the spec profile. */
export type RunProfileSetting = 'auto' | 'spec' | 'windows';
/** `native`: the best native stack the runtime has on this machine. */
export type NativeStackSetting = 'native' | 'host' | 'winsock';
const RUN_PROFILES: RunProfileSetting[] = ['auto', 'spec', 'windows'];
const NATIVE_STACKS: NativeStackSetting[] = ['native', 'host', 'winsock'];

/** The subset of JSON Schema that VS Code's settings UI reads. */
export interface SettingSchema {
  type: 'boolean' | 'number' | 'integer' | 'string' | 'array' | 'object';
  default: unknown;
  description: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  items?: { type: 'string' };
  properties?: Record<string, { type: 'string'; enum: string[]; description: string }>;
  additionalProperties?: boolean;
  scope?: 'resource' | 'window';
}

const SEVERITIES: RuleSeverity[] = ['error', 'warning', 'info', 'off'];
const SOURCE_GLOB = '**/*.{c,cc,cpp,cxx,h,hh,hpp,hxx,inl}';

/** Keys are the setting names without the `wsplint.` prefix. */
export const SETTINGS_SCHEMA: { readonly [K in keyof Settings]: SettingSchema } = {
  enable: { type: 'boolean', default: true, scope: 'resource', description: 'Check C and C++ files against the Winsock SPI contract.' },
  severity: {
    type: 'object',
    default: {},
    scope: 'resource',
    description: 'Severity per rule, or "off". Rules not listed keep their default severity.',
    properties: Object.fromEntries(
      RULES.map((r) => [r.id, { type: 'string' as const, enum: SEVERITIES, description: `${r.title} (default: ${r.severity}).` }]),
    ),
    additionalProperties: false,
  },
  macros: {
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'resource',
    description: 'Extra macro names to blank before parsing (annotation or calling-convention macros the analyzer does not know).',
  },
  include: {
    type: 'array',
    items: { type: 'string' },
    default: [SOURCE_GLOB],
    scope: 'window',
    description: 'Globs (relative to the workspace folder) of the files the workspace scan reads, so helpers defined in other files are known.',
  },
  exclude: {
    type: 'array',
    items: { type: 'string' },
    default: ['**/node_modules/**', '**/.git/**', '**/build/**', '**/out/**'],
    scope: 'window',
    description: 'Globs the workspace scan skips (files ignored by .gitignore are skipped too).',
  },
  maxFiles: {
    type: 'integer',
    default: 2000,
    minimum: 0,
    scope: 'window',
    description: 'Most files the workspace scan reads; 0 turns the scan off.',
  },
  maxFileBytes: {
    type: 'integer',
    default: 4000000,
    minimum: 1,
    scope: 'window',
    description: 'Files larger than this are skipped, with a message on the file.',
  },
  debounceMs: {
    type: 'integer',
    default: 250,
    minimum: 0,
    scope: 'window',
    description: 'Delay after the last keystroke before a document is analysed again.',
  },
  runTimeoutMs: {
    type: 'integer',
    default: 10000,
    minimum: 100,
    maximum: 600000,
    scope: 'window',
    description: 'Wall-clock limit of one snippet run (Run and Compare lenses); a run that passes it is killed.',
  },
  runAllowNet: {
    type: 'string',
    default: '',
    scope: 'window',
    description:
      'Addresses native snippet runs may reach besides loopback: "any", or a comma-separated list of ADDRESS[/PREFIX]. Empty: loopback only. Ignored in untrusted workspaces, where native runs are off.',
  },
  runProfile: {
    type: 'string',
    enum: RUN_PROFILES,
    default: 'auto',
    scope: 'resource',
    description: 'Profile of simulated runs: spec (what the reference pages say), windows (what Windows is observed to do), or auto (the snippet\'s own profile= option, else spec).',
  },
  runNativeStack: {
    type: 'string',
    enum: NATIVE_STACKS,
    default: 'native',
    scope: 'window',
    description: 'Stack of the "Run (native)" and "Compare" lenses: host (this machine\'s TCP/UDP through Node), winsock (real Winsock: compiled, run under Wine off Windows) or native (the best one available).',
  },
};

export const SETTINGS_SECTION = 'wsplint';

export function defaultSettings(): Settings {
  return readSettings(undefined).settings;
}

/**
 * Validates a `wsplint` settings object as a client sends it; anything missing or of the wrong shape
 * takes its default, with a problem line for the log (never an exception).
 */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const obj = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) problems.push(`settings: expected an object, got ${typeof raw}`);
  const pick = <K extends keyof Settings>(key: K, ok: (v: unknown) => v is Settings[K]): Settings[K] => {
    const v = obj[key];
    const def = structuredClone(SETTINGS_SCHEMA[key].default) as Settings[K];
    if (v === undefined || v === null) return def;
    if (ok(v)) return v;
    problems.push(`wsplint.${key}: ${JSON.stringify(v)} is not valid; using ${JSON.stringify(def)}`);
    return def;
  };
  const nonNegInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const settings: Settings = {
    enable: pick('enable', (v): v is boolean => typeof v === 'boolean'),
    severity: pick('severity', isRecord) as Settings['severity'],
    macros: pick('macros', isStringArray),
    include: pick('include', isStringArray),
    exclude: pick('exclude', isStringArray),
    maxFiles: pick('maxFiles', nonNegInt),
    maxFileBytes: pick('maxFileBytes', (v): v is number => nonNegInt(v) && v > 0),
    debounceMs: pick('debounceMs', nonNegInt),
    runTimeoutMs: pick('runTimeoutMs', (v): v is number => nonNegInt(v) && v >= 100 && v <= 600000),
    runAllowNet: pick('runAllowNet', (v): v is string => typeof v === 'string'),
    runProfile: pick('runProfile', (v): v is RunProfileSetting => RUN_PROFILES.includes(v as RunProfileSetting)),
    runNativeStack: pick('runNativeStack', (v): v is NativeStackSetting => NATIVE_STACKS.includes(v as NativeStackSetting)),
  };
  const severity: Settings['severity'] = {};
  for (const [rule, sev] of Object.entries(settings.severity)) {
    if (!RULES.some((r) => r.id === rule)) problems.push(`wsplint.severity: unknown rule "${rule}" ignored`);
    else if (!SEVERITIES.includes(sev as RuleSeverity)) problems.push(`wsplint.severity.${rule}: "${String(sev)}" is not one of ${SEVERITIES.join(', ')}`);
    else severity[rule as RuleId] = sev as RuleSeverity;
  }
  settings.severity = severity;
  return { settings, problems };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
