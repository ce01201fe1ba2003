/**
 * SARIF 2.1.0 report (one run) for code-scanning services. Each path finding carries its steps as a
 * codeFlow, and its partialFingerprints come from Finding.fingerprint (rule, function and statement
 * text), so a finding keeps its identity when code above it moves.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_BASE, RULES } from '../rules/registry';
import type { Finding, RuleId, Severity } from '../types';
import type { RuleDoc } from './rule-docs';
import type {
  SarifArtifactLocation,
  SarifLevel,
  SarifLocation,
  SarifLog,
  SarifNotification,
  SarifReportingDescriptor,
  SarifResult,
} from './sarif-types';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The uriBaseId that result locations are relative to: the directory wsplint ran in. */
export const SRCROOT = '%SRCROOT%';
/** Key of our fingerprint in partialFingerprints; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'wsplintFingerprint/v1';

export interface SarifOptions {
  /** Directory that relative artifact URIs are resolved against. */
  cwd: string;
  toolVersion: string;
  /** Help pages by rule; a rule without one gets its title as help. */
  ruleDocs?: ReadonlyMap<RuleId, RuleDoc>;
  /** Files that were not analysed, reported as tool notifications. */
  skipped?: readonly { path: string; reason: string }[];
}

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarif(findings: readonly Finding[], options: SarifOptions): SarifLog {
  const rules = RULES.map((r) => ruleDescriptor(r.id, options.ruleDocs?.get(r.id)));
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i] as const));
  const artifact = (file: string): SarifArtifactLocation => artifactLocation(file, options.cwd);
  const occurrences = new Map<string, number>();
  const results = findings.map((f): SarifResult => {
    // Two findings can share rule, function and statement text (the same bad line twice); the
    // ordinal keeps their fingerprints distinct without bringing line numbers back in.
    const base = `${f.file}\u0000${f.fingerprint}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    const location: SarifLocation = {
      physicalLocation: {
        artifactLocation: artifact(f.file),
        region: {
          startLine: f.range.start.line + 1,
          startColumn: f.range.start.column + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.column + 1,
        },
      },
      logicalLocations: f.function ? [{ name: f.function, kind: 'function' }] : undefined,
    };
    const result: SarifResult = {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) ?? -1,
      level: LEVEL[f.severity],
      message: { text: sentence(f.message) },
      locations: [location],
      partialFingerprints: { [FINGERPRINT_KEY]: n === 1 ? f.fingerprint : `${f.fingerprint}:${n}` },
    };
    if (f.steps.length > 0) {
      result.codeFlows = [
        {
          threadFlows: [
            {
              locations: f.steps.map((s, i) => ({
                location: {
                  physicalLocation: {
                    artifactLocation: artifact(s.file),
                    region: { startLine: s.line + 1, startColumn: s.column + 1 },
                  },
                  message: { text: s.message },
                },
                executionOrder: i + 1,
              })),
            },
          ],
        },
      ];
    }
    return result;
  });
  const notifications: SarifNotification[] = (options.skipped ?? []).map((s) => ({
    level: 'warning',
    message: { text: `Skipped ${s.path}: ${s.reason}.` },
    locations: [{ physicalLocation: { artifactLocation: artifact(s.path) } }],
  }));
  const cwdUri = pathToFileURL(options.cwd).href.replace(/\/?$/, '/');
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wsplint',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: `${DOCS_BASE}README.md`,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: cwdUri } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          { executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) },
        ],
        results,
      },
    ],
  };
}

export function formatSarif(findings: readonly Finding[], options: SarifOptions): string {
  return JSON.stringify(toSarif(findings, options), null, 2) + '\n';
}

function ruleDescriptor(id: RuleId, doc: RuleDoc | undefined): SarifReportingDescriptor {
  const meta = RULES.find((r) => r.id === id);
  if (!meta) throw new Error(`unknown rule ${id}`);
  const title = sentence(meta.title);
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: title },
    fullDescription: { text: doc ? sentence(doc.summary) : title },
    help: doc ? { text: doc.text, markdown: doc.markdown } : { text: title },
    helpUri: DOCS_BASE + meta.doc,
    defaultConfiguration: { level: LEVEL[meta.severity] },
  };
}

/**
 * A path under `cwd` becomes a relative URI against %SRCROOT% (so the log is portable between
 * checkouts); anything else becomes an absolute file: URI.
 */
export function artifactLocation(file: string, cwd: string): SarifArtifactLocation {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF viewers expect messages to be complete sentences (multitool rule SARIF2001). */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
