/** The human-readable form of a run report (`wsplint run --format text`). */
import type { CallRecord, RunReport, SnippetResult } from './types';

const RETURNS_SOCKET = new Set(['WSPSocket', 'WSPAccept', 'socket', 'accept', 'WSASocketA', 'WSASocketW', 'WSAAccept']);
const WAITS = new Set(['WSAWaitForMultipleEvents', 'WaitForSingleObject']);

export function returnedText(c: CallRecord): string {
  if (c.returned === -1 && RETURNS_SOCKET.has(c.call)) return 'INVALID_SOCKET';
  if (c.returned === -1 && c.call !== 'WSAGetLastError') return 'SOCKET_ERROR';
  if (WAITS.has(c.call)) {
    if (c.returned === 0x102) return 'WSA_WAIT_TIMEOUT';
    if (c.returned === 0xffffffff) return 'WSA_WAIT_FAILED';
    return `WSA_WAIT_EVENT_0+${c.returned}`;
  }
  return String(c.returned);
}

function snippetText(file: string, s: SnippetResult): string[] {
  const out = [`${file}: snippet ${s.name} (line ${s.line}), ${s.stack} stack, ${s.profile} profile`];
  const width = Math.max(8, ...s.calls.map((c) => c.call.length));
  const printed = new Set<number>();
  for (const c of s.calls) {
    const err = c.error === null ? '' : `  ${c.error} (${c.code})`;
    out.push(`  ${String(c.line).padStart(4)}  ${c.call.padEnd(width)}  -> ${returnedText(c)}${err}  ${c.detail}`);
    s.events.forEach((e, i) => {
      if (e.line !== c.line || printed.has(i)) return;
      printed.add(i);
      out.push(`  ${' '.repeat(4)}  ${'event'.padEnd(width)}     ${e.event} on socket ${e.socket}${e.error ? ` (${e.error})` : ''}`);
    });
  }
  s.events.forEach((e, i) => {
    if (!printed.has(i)) out.push(`  ${String(e.line).padStart(4)}  ${'event'.padEnd(width)}     ${e.event} on socket ${e.socket}${e.error ? ` (${e.error})` : ''}`);
  });
  if (s.output.length) {
    out.push('  output:');
    for (const l of s.output) out.push(`    ${l}`);
  }
  if (s.error !== null) out.push(`  stopped: ${s.error}`);
  return out;
}

export function reportText(file: string, report: RunReport): string {
  return `${report.snippets.map((s) => snippetText(file, s).join('\n')).join('\n\n')}\n`;
}
