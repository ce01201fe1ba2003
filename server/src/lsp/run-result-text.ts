/**
 * The words of snippet results in the editor: the short text at the end of a call's line, the hover
 * beside it (the stack's detail and the reference page's sentence for the code, from the contract
 * tables), and the line-by-line comparison of two stacks. No LSP imports.
 */
import { CONTRACTS, getContract, isDocumentedFor } from '../core/spec';
import { returnedText } from '../../../runtime/src/report-text';
import type { CallRecord, EventRecord, SnippetResult } from '../../../runtime/src/types';

/** `SOCKET_ERROR · WSAECONNREFUSED (10061)`, `0`, `INVALID_SOCKET · WSAEAFNOSUPPORT (10047)`. */
export function callText(c: CallRecord): string {
  // WSAGetLastError returns the code itself: its name says more than the number twice.
  if (c.call === 'WSAGetLastError') return c.error === null ? String(c.returned) : `${c.error} (${c.returned})`;
  const value = returnedText(c);
  return c.error === null ? value : `${value} · ${c.error} (${c.code ?? '?'})`;
}

/** `FD_CONNECT (WSAECONNREFUSED)`, `FD_WRITE`. */
export function eventText(e: EventRecord): string {
  return e.error === null ? e.event : `${e.event} (${e.error})`;
}

const RETURNS_SOCKET = /^(?:WSP(?:Socket|Accept|JoinLeaf)|socket|accept|WSASocket[AW]?|WSAAccept|WSAJoinLeaf)$/;

/** What two stacks must agree on: the handle a socket call returns is the stack's own business. */
function comparableText(c: CallRecord): string {
  return c.returned !== -1 && RETURNS_SOCKET.test(c.call) ? 'a socket' : callText(c);
}

/** `A ×2, B`: repeated results of a line inside a loop, in order, at most `max` runs. */
function runLength(texts: readonly string[], max = 3): string {
  const runs: { text: string; n: number }[] = [];
  for (const t of texts) {
    const last = runs[runs.length - 1];
    if (last?.text === t) last.n++;
    else runs.push({ text: t, n: 1 });
  }
  const shown = runs.slice(0, max).map((r) => (r.n > 1 ? `${r.text} ×${r.n}` : r.text));
  if (runs.length > max) shown.push(`… (${texts.length} calls)`);
  return shown.join(', ');
}

function byLine<T extends { line: number }>(items: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const it of items) m.set(it.line, [...(m.get(it.line) ?? []), it]);
  return m;
}

/** The calls of one line: `→ X` for one function, `connect → X; WSAGetLastError → 10061` for several. */
function callsLabel(calls: readonly CallRecord[], text: (c: CallRecord) => string = callText): string {
  const names = [...new Set(calls.map((c) => c.call))];
  if (names.length === 1) return `→ ${runLength(calls.map(text))}`;
  return names.map((n) => `${n} → ${runLength(calls.filter((c) => c.call === n).map(text))}`).join('; ');
}

export interface LineLabel {
  /** 1-based line of the results. */
  line: number;
  text: string;
  /** Set when the two stacks of a compare run disagree on this line. */
  differs?: boolean;
}

/** Where a run stopped (`line 14: ...` in its error), or the snippet's own line. */
function stopLine(r: SnippetResult): number {
  const m = /^line (\d+):/.exec(r.error ?? '');
  return m ? Number(m[1]) : r.line;
}

/** One label per line that made a call, per line where an event arrived, and one where the run stopped. */
export function runLabels(r: SnippetResult): LineLabel[] {
  const out: LineLabel[] = [];
  for (const [line, calls] of byLine(r.calls)) out.push({ line, text: callsLabel(calls) });
  for (const [line, events] of byLine(r.events)) out.push({ line, text: runLength(events.map(eventText)) });
  if (r.error !== null) out.push({ line: stopLine(r), text: `✖ stopped: ${r.error.replace(/^line \d+: /, '')}` });
  return out.sort((a, b) => a.line - b.line);
}

export interface LineComparison {
  line: number;
  left: string;
  right: string;
  same: boolean;
}

/** Line by line: what each stack's calls there returned (socket handles compared as "a socket"). */
export function compareRuns(left: SnippetResult, right: SnippetResult): LineComparison[] {
  const l = byLine(left.calls);
  const r = byLine(right.calls);
  const lines = [...new Set([...l.keys(), ...r.keys()])].sort((a, b) => a - b);
  return lines.map((line) => {
    const a = l.get(line) ?? [];
    const b = r.get(line) ?? [];
    const same = a.map(comparableText).join('\n') === b.map(comparableText).join('\n');
    return { line, left: a.length ? callsLabel(a) : '', right: b.length ? callsLabel(b) : '', same };
  });
}

/** Labels of a compare run: `→ X` where the stacks agree, `≠ simulated → X | host → Y` where they do not. */
export function compareLabels(left: SnippetResult, right: SnippetResult): LineLabel[] {
  const out: LineLabel[] = compareRuns(left, right).map((c) => {
    if (c.same) return { line: c.line, text: c.left };
    const side = (stack: string, label: string): string => `${stack} ${label || '(not reached)'}`;
    return { line: c.line, text: `≠ ${side(left.stack, c.left)} | ${side(right.stack, c.right)}`, differs: true };
  });
  for (const r of [left, right]) {
    for (const [line, events] of byLine(r.events)) out.push({ line, text: `${r.stack}: ${runLength(events.map(eventText))}` });
    if (r.error !== null) out.push({ line: stopLine(r), text: `✖ ${r.stack} stopped: ${r.error.replace(/^line \d+: /, '')}` });
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * The SPI function whose reference page speaks for a call: itself, or the SPI twin of an API call
 * (`connect`, `WSAConnect` → WSPConnect; `WSASocketA` → WSPSocket; ioctlsocket → WSPIoctl).
 */
export function contractNameOf(call: string): string | undefined {
  if (getContract(call)) return call;
  if (call === 'ioctlsocket') return 'WSPIoctl';
  const core = `wsp${call.replace(/^WSA/, '').replace(/(?<=[a-z])[AW]$/, '')}`.toLowerCase();
  return CONTRACTS.find((c) => c.name.toLowerCase() === core)?.name;
}

/** The reference page's sentence that explains a call's result. */
export function specSentence(c: CallRecord): string | undefined {
  const name = contractNameOf(c.call);
  const contract = name ? getContract(name) : undefined;
  if (!contract) return undefined;
  if (c.error === null) {
    const first = /^.*?\.(?=\s|$)/.exec(contract.returns.text)?.[0] ?? contract.returns.text;
    return `**${contract.name}:** ${first}`;
  }
  const meaning = contract.errors.find((e) => e.code === c.error)?.meaning;
  if (meaning) return `**${contract.name}**, \`${c.error}\`: ${meaning}`;
  if (isDocumentedFor(contract, c.error)) return `**${contract.name}**, \`${c.error}\`: the operation is under way and completes later.`;
  return `\`${c.error}\` is **not documented** for ${contract.name} (documented: ${contract.errors.map((e) => `\`${e.code}\``).join(', ')}).`;
}

/** The page sentence for an event's error code (WSPEnumNetworkEvents / WSPAsyncSelect tables). */
export function eventSentence(e: EventRecord): string | undefined {
  if (e.error === null) return undefined;
  for (const fn of ['WSPEnumNetworkEvents', 'WSPAsyncSelect']) {
    const table = getContract(fn)?.eventErrors?.find((t) => t.events.includes(e.event));
    const meaning = table?.errors.find((x) => x.code === e.error)?.meaning;
    if (meaning) return `**${fn}**, \`${e.event}\` with \`${e.error}\`: ${meaning}`;
  }
  return undefined;
}

/** Markdown for the results of one line: every call and event, its detail and its spec sentence. */
export function lineHoverMarkdown(results: readonly SnippetResult[], line: number): string | null {
  const parts: string[] = [];
  for (const r of results) {
    const calls = r.calls.filter((c) => c.line === line);
    const events = r.events.filter((e) => e.line === line);
    const stopped = r.error !== null && stopLine(r) === line;
    if (!calls.length && !events.length && !stopped) continue;
    const lines = [`**${r.name}** on the ${r.stack} stack${r.stack === 'simulated' ? ` (${r.profile} profile)` : ''}`, ''];
    for (const c of calls) {
      lines.push(`- \`${c.call}\` → \`${callText(c)}\`: ${c.detail}`);
      const s = specSentence(c);
      if (s) lines.push(`  \n  ${s}`);
    }
    for (const e of events) {
      lines.push(`- event \`${eventText(e)}\` on socket ${e.socket}`);
      const s = eventSentence(e);
      if (s) lines.push(`  \n  ${s}`);
    }
    if (stopped) lines.push(`- the run stopped here: ${r.error}`);
    parts.push(lines.join('\n'));
  }
  return parts.length ? parts.join('\n\n---\n\n') : null;
}
