/**
 * Turns what the harness printed into the SnippetResult every stack produces: one CallRecord per
 * `call` record, one EventRecord per event bit, the snippet's printf output, and an error when the
 * run did not reach its end (a stop, a refusal, a crash, the wall-clock limit).
 */
import type { SockAddr } from '../../net/address';
import { AF_INET, AF_INET6, FD_EVENT_NAMES } from '../../spec/winsock-constants';
import { wsaName } from '../../spec/contracts';
import type { CallRecord, EventRecord } from '../../types';
import type { NetPolicy } from '../net-policy';
import { refusal } from '../net-policy';
import { RECORD_PREFIX } from './harness';

export interface ParsedRun {
  calls: CallRecord[];
  events: EventRecord[];
  output: string[];
  /** null when the harness printed its end record. */
  error: string | null;
  /** `Wine 8.0` or `Windows 10.0.19045`. */
  environment: string;
}

interface RecordCall {
  t: 'call';
  line: number;
  call: string;
  api: string;
  returned: number;
  failed: number;
  code: number;
}

type RawRecord =
  | RecordCall
  | { t: 'event'; line: number; socket: number; bit: number; code: number }
  | { t: 'out'; text: string }
  | { t: 'stop'; line: number; message: string }
  | { t: 'refused'; line: number; call: string; family: number; port: number; ip: string }
  | { t: 'env'; wine: string | null; windows: string }
  | { t: 'end' };

const WAIT_TIMEOUT = 0x102;

function callDetail(r: RecordCall, environment: string): string {
  const ran = r.api === r.call ? r.call : `${r.call} ran as ${r.api}, its API twin,`;
  const ret = r.api.startsWith('WSAWait') || r.api.startsWith('Wait') ? (r.returned === WAIT_TIMEOUT ? 'WSA_WAIT_TIMEOUT' : String(r.returned)) : String(r.returned);
  if (r.call === 'WSAGetLastError') return `WSAGetLastError() = ${r.returned} on ${environment}`;
  if (!r.failed) return `${ran} returned ${ret} on ${environment}`;
  if (r.code === 0) return `${ran} failed (returned ${ret}) on ${environment}, but WSAGetLastError() is 0`;
  return `${ran} returned ${ret} on ${environment}; WSAGetLastError() = ${r.code} (${wsaName(r.code) ?? 'not a Winsock code'})`;
}

function refusedAddr(r: Extract<RawRecord, { t: 'refused' }>): SockAddr {
  const bytes = Uint8Array.from((r.ip.match(/../g) ?? []).map((h) => parseInt(h, 16)));
  return { family: r.family === 4 ? AF_INET : AF_INET6, ip: bytes, port: r.port, scopeId: 0 };
}

/**
 * `stdout` is everything the program wrote; `exit` says how it ended (null code: killed by the
 * wall-clock limit).
 */
export function parseHarnessOutput(stdout: string, exit: { code: number | null; timedOut: boolean; limitMs: number }, policy: NetPolicy): ParsedRun {
  const calls: CallRecord[] = [];
  const events: EventRecord[] = [];
  let printed = '';
  let error: string | null = null;
  let ended = false;
  let environment = 'Windows';
  let lastLine = 0;
  for (const raw of stdout.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.startsWith(RECORD_PREFIX)) {
      // Output the snippet wrote without printf (puts, putchar...).
      if (line.length > 0) printed += `${line}\n`;
      continue;
    }
    let r: RawRecord;
    try {
      r = JSON.parse(line.slice(RECORD_PREFIX.length)) as RawRecord;
    } catch {
      error ??= `the harness printed a record that is not JSON: ${line.slice(0, 120)}`;
      continue;
    }
    switch (r.t) {
      case 'env':
        environment = r.wine !== null ? `Wine ${r.wine}` : `Windows ${r.windows}`;
        break;
      case 'call': {
        lastLine = r.line;
        const failed = r.failed !== 0 && r.code !== 0;
        const name = failed ? (wsaName(r.code) ?? `UNKNOWN_${r.code}`) : null;
        calls.push({ line: r.line, call: r.call, returned: r.returned, error: name, code: failed ? r.code : null, detail: callDetail(r, environment) });
        break;
      }
      case 'event': {
        const name = r.code === 0 ? null : (wsaName(r.code) ?? `UNKNOWN_${r.code}`);
        events.push({ line: r.line, socket: r.socket, event: FD_EVENT_NAMES[r.bit] ?? `FD_BIT_${r.bit}`, error: name });
        break;
      }
      case 'out':
        printed += r.text;
        break;
      case 'stop':
        error = r.line > 0 ? `line ${r.line}: ${r.message}` : r.message;
        break;
      case 'refused':
        error = `line ${r.line}: ${refusal(policy, r.call, refusedAddr(r))}`;
        break;
      case 'end':
        ended = true;
        break;
    }
  }
  if (!ended && error === null) {
    const after = lastLine > 0 ? ` (the last recorded call was on line ${lastLine})` : '';
    if (exit.timedOut) error = `the run passed its wall-clock limit (${exit.limitMs} ms) and was killed${after}`;
    else error = `the program ended without finishing the snippet, exit code ${exit.code ?? 'none'}${after}`;
  }
  const output = printed === '' ? [] : printed.split('\n');
  if (output.length > 0 && output[output.length - 1] === '') output.pop();
  return { calls, events, output, error, environment };
}
