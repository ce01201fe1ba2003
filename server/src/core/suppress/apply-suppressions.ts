/**
 * Applies the suppression comments of one file to its findings, and reports the suppressions that cannot
 * be audited: a rule id that does not exist (`unknown-suppression`) and a suppression that hides nothing
 * (`unused-suppression`). Run it before per-rule `off` settings drop findings, or every suppression of a
 * rule switched off would look unused.
 */
import type { Finding, Range, RuleId } from '../types';
import { ruleMeta } from '../rules/registry';
import { computeLineStarts, lineOf, parseDirectives, type DirectiveRule, type SuppressionDirective } from './parse-directives';

export interface SuppressionResult {
  /** The findings that stay (findings of other files pass through untouched). */
  findings: Finding[];
  /** `unknown-suppression` and `unused-suppression` findings for this file. */
  extra: Finding[];
}

/** A `disable` ... `enable` span, by offsets. */
interface DisabledSpan {
  directive: SuppressionDirective;
  rule: DirectiveRule;
  from: number;
  to: number;
}

export function applySuppressions(
  text: string,
  path: string,
  findings: readonly Finding[],
  knownRuleIds: ReadonlySet<string> | readonly string[],
): SuppressionResult {
  const known = knownRuleIds instanceof Set ? knownRuleIds : new Set(knownRuleIds as readonly string[]);
  const directives = parseDirectives(text);
  if (directives.length === 0) return { findings: [...findings], extra: [] };
  const lineStarts = computeLineStarts(text);
  const extra: Finding[] = [];
  const report = (rule: RuleId, start: number, end: number, message: string, key: string): void => {
    extra.push({
      rule,
      severity: ruleMeta(rule).severity,
      message,
      file: path,
      range: rangeOf(lineStarts, start, end),
      function: '',
      steps: [],
      fingerprint: `${rule}|${key}`,
    });
  };

  const used = new Set<DirectiveRule>();
  const spans: DisabledSpan[] = [];
  const open = new Map<string, { directive: SuppressionDirective; rule: DirectiveRule }>();
  for (const d of directives) {
    if (d.rules.length === 0 && d.kind !== 'enable') {
      report('unknown-suppression', d.start, d.end, `wsplint-${d.kind} names no rule; write the rule id, e.g. "// wsplint-${d.kind} errno-not-set: <reason>"`, `${d.kind}|`);
      continue;
    }
    for (const r of d.rules) {
      if (known.has(r.id)) continue;
      const hint = closest(r.id, known);
      report('unknown-suppression', r.start, r.end, `Unknown rule "${r.id}" in wsplint-${d.kind}${hint ? `; did you mean "${hint}"?` : ''}`, `${d.kind}|${r.id}`);
    }
    if (d.kind === 'disable') {
      for (const r of d.rules) if (known.has(r.id) && !open.has(r.id)) open.set(r.id, { directive: d, rule: r });
    } else if (d.kind === 'enable') {
      const ids = d.rules.length === 0 ? [...open.keys()] : d.rules.filter((r) => known.has(r.id)).map((r) => r.id);
      for (const id of ids) {
        const o = open.get(id);
        if (!o) continue;
        spans.push({ directive: o.directive, rule: o.rule, from: o.directive.start, to: d.start });
        open.delete(id);
      }
      // An enable always counts as used: it only ends a span, it hides nothing by itself.
      for (const r of d.rules) used.add(r);
    }
  }
  for (const o of open.values()) spans.push({ directive: o.directive, rule: o.rule, from: o.directive.start, to: text.length });

  const kept: Finding[] = [];
  for (const f of findings) {
    if (f.file !== path) {
      kept.push(f);
      continue;
    }
    const hit = lineDirectiveFor(directives, f) ?? spans.find((s) => s.rule.id === f.rule && f.range.startOffset >= s.from && f.range.startOffset < s.to)?.rule;
    if (hit) used.add(hit);
    else kept.push(f);
  }

  const seen = new Map<string, number>();
  for (const d of directives) {
    for (const r of d.rules) {
      if (used.has(r) || !known.has(r.id)) continue;
      const where = d.targetLine !== null ? `line ${d.targetLine + 1}` : `the rest of the file or the matching wsplint-enable`;
      const key = `${d.kind}|${r.id}|${d.reason ?? ''}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      report('unused-suppression', r.start, r.end, `wsplint-${d.kind} ${r.id} suppresses nothing: no ${r.id} finding on ${where}`, n > 1 ? `${key}#${n}` : key);
    }
  }
  return { findings: kept, extra };
}

function lineDirectiveFor(directives: readonly SuppressionDirective[], f: Finding): DirectiveRule | undefined {
  for (const d of directives) {
    if (d.targetLine !== f.range.start.line) continue;
    const r = d.rules.find((x) => x.id === f.rule);
    if (r) return r;
  }
  return undefined;
}

function rangeOf(lineStarts: number[], start: number, end: number): Range {
  const sl = lineOf(lineStarts, start);
  const el = lineOf(lineStarts, end);
  return {
    start: { line: sl, column: start - lineStarts[sl] },
    end: { line: el, column: end - lineStarts[el] },
    startOffset: start,
    endOffset: end,
  };
}

/** The known rule id nearest to a misspelt one (edit distance at most 3), for the "did you mean" hint. */
function closest(id: string, known: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestD = 4;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
