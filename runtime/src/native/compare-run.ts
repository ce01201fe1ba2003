/**
 * `wsplint run <file> --compare A,B`: runs the file's snippets on two stacks and reports every call
 * whose result differs (text or JSON). Exit code: 0 when the stacks agree, 1 when something differs,
 * 2 when a stack could not run (the caller maps a RunSetupError to 2).
 */
import type { RunOptions, StackChoice } from '../runner';
import { runSource } from '../runner';
import type { CallRecord, SnippetResult } from '../types';
import type { CompareReport, SnippetComparison } from './compare';
import { agrees, compareResults } from './compare';

export const STACK_CHOICES: readonly StackChoice[] = ['simulated', 'host', 'winsock', 'native'];

/** `A,B` as two stack choices, or the message that rejects it. */
export function parseCompare(text: string): [StackChoice, StackChoice] | string {
  const parts = text.split(',').map((s) => s.trim());
  const valid = (s: string): s is StackChoice => (STACK_CHOICES as readonly string[]).includes(s);
  if (parts.length !== 2 || !parts.every(valid)) return `--compare needs two stacks, e.g. simulated,winsock (stacks: ${STACK_CHOICES.join(', ')}; got "${text}")`;
  if (parts[0] === parts[1]) return `--compare needs two different stacks (got ${text})`;
  return [parts[0] as StackChoice, parts[1] as StackChoice];
}

export async function compareSource(source: string, stacks: [StackChoice, StackChoice], options: RunOptions = {}): Promise<CompareReport> {
  // One after the other: both may use real loopback ports.
  const a = await runSource(source, { ...options, stack: stacks[0] });
  const b = await runSource(source, { ...options, stack: stacks[1] });
  const byName = new Map(b.snippets.map((s) => [s.name, s]));
  const snippets = a.snippets.map((sa) => compareResults(sa, byName.get(sa.name) as SnippetResult));
  const label = (r: SnippetResult | undefined, choice: StackChoice): string => (r ? `${r.stack}${r.stack === 'simulated' ? ` (${r.profile})` : ''}` : choice);
  return { version: 1, compare: [label(a.snippets[0], stacks[0]), label(b.snippets[0], stacks[1])], snippets };
}

export function compareExitCode(report: CompareReport): number {
  return report.snippets.every(agrees) ? 0 : 1;
}

function result(c: CallRecord | null): string {
  if (c === null) return 'no such call';
  return c.error === null ? `${c.returned}` : `${c.returned} ${c.error} (${c.code})`;
}

function snippetText(c: SnippetComparison): string[] {
  const [a, b] = c.stacks;
  const lines = [`snippet ${c.name} (line ${c.line}): ${c.same} call(s) agree, ${c.calls.length} differ`];
  for (const d of c.calls) {
    const note = d.note ? ` [${d.note}]` : '';
    lines.push(`  line ${d.line} ${d.call}: ${a} ${result(d.a)} | ${b} ${result(d.b)}${note}`);
  }
  for (const e of c.events) lines.push(`  event ${e.socket} ${e.event}${e.error ? ` ${e.error}` : ''}: only in ${e.onlyIn}`);
  if (c.output) lines.push(`  output differs: ${a} ${JSON.stringify(c.output.a)} | ${b} ${JSON.stringify(c.output.b)}`);
  if (c.errors.a) lines.push(`  ${a} stopped: ${c.errors.a}`);
  if (c.errors.b) lines.push(`  ${b} stopped: ${c.errors.b}`);
  if (agrees(c)) lines.push('  the two stacks agree');
  return lines;
}

export function compareText(file: string, report: CompareReport): string {
  const out = [`${file}: ${report.compare[0]} compared with ${report.compare[1]}`];
  for (const s of report.snippets) out.push(...snippetText(s));
  return `${out.join('\n')}\n`;
}
