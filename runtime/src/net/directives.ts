/**
 * Directive comments: `// wsplint:snippet [NAME] [options]` marks a function as a snippet, and
 * `// wsplint:net TARGET BEHAVIOUR` describes the simulated network
 * (`192.0.2.0/24 silent`, `10.1.0.0/16 unreachable`, `10.0.0.5:80 listen`, `[2001:db8::5]:80 refuse`,
 * `host 10.0.0.2/24` to move this host's interface address).
 */
import type { HostInterface, NetRule, Verdict } from './network';
import { VERDICTS } from './network';
import { parseIp, parseIpv4 } from './address';

export type SnippetOption = string | true;

export type Directive =
  | { kind: 'snippet'; line: number; name: string | null; options: Record<string, SnippetOption> }
  | { kind: 'net'; line: number; rule: NetRule }
  | { kind: 'host'; line: number; host: HostInterface }
  | { kind: 'error'; line: number; message: string };

/** The directive in a comment's text, or null when the comment is not a wsplint directive. */
export function parseDirective(comment: string, line: number): Directive | null {
  const body = comment
    .replace(/^\/\/+/, '')
    .replace(/^\/\*+/, '')
    .replace(/\*+\/$/, '')
    .trim();
  const m = /^wsplint:(snippet|net)\b(.*)$/.exec(body);
  if (!m) return null;
  const words = m[2].trim().split(/\s+/).filter((w) => w.length > 0);
  return m[1] === 'snippet' ? parseSnippet(words, line) : parseNet(words, line);
}

function parseSnippet(words: string[], line: number): Directive {
  let name: string | null = null;
  const options: Record<string, SnippetOption> = {};
  for (const [i, w] of words.entries()) {
    const eq = w.indexOf('=');
    if (eq > 0) options[w.slice(0, eq)] = w.slice(eq + 1);
    else if (i === 0 && /^[A-Za-z_]\w*$/.test(w) && !KNOWN_FLAGS.has(w)) name = w;
    else options[w] = true;
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_FLAGS.has(key) && !KNOWN_VALUES.has(key)) {
      return { kind: 'error', line, message: `wsplint:snippet: unknown option "${key}" (known: ${[...KNOWN_FLAGS, ...KNOWN_VALUES].join(', ')})` };
    }
  }
  return { kind: 'snippet', line, name, options };
}

/** Provider capabilities a snippet can switch on. */
const KNOWN_FLAGS = new Set(['connect-data', 'qos']);
const KNOWN_VALUES = new Set(['profile', 'budget']);

function parseNet(words: string[], line: number): Directive {
  const usage = 'expected "wsplint:net ADDRESS[/PREFIX][:PORT] listen|refuse|silent|unreachable" or "wsplint:net host ADDRESS/PREFIX"';
  if (words[0] === 'host') {
    const host = words.length === 2 ? parseTarget(words[1]) : null;
    if (!host || host.port !== null) return { kind: 'error', line, message: `wsplint:net host: ${usage}` };
    return { kind: 'host', line, host: { ip: host.ip, prefix: host.prefix } };
  }
  if (words.length !== 2) return { kind: 'error', line, message: `wsplint:net: ${usage}` };
  const target = parseTarget(words[0]);
  if (!target) return { kind: 'error', line, message: `wsplint:net: "${words[0]}" is not an address, prefix or address:port` };
  const verdict = words[1] as Verdict;
  if (!VERDICTS.includes(verdict)) {
    return { kind: 'error', line, message: `wsplint:net: unknown behaviour "${words[1]}" (expected ${VERDICTS.join(', ')})` };
  }
  return { kind: 'net', line, rule: { ...target, verdict, line } };
}

function parseTarget(text: string): { ip: Uint8Array; prefix: number; port: number | null } | null {
  let addr = text;
  let port: number | null = null;
  let prefix: number | null = null;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracket) {
    addr = bracket[1];
    port = bracket[2] === undefined ? null : Number(bracket[2]);
  } else if (/^[\d.]+:\d+$/.test(text)) {
    const i = text.lastIndexOf(':');
    addr = text.slice(0, i);
    port = Number(text.slice(i + 1));
  }
  const slash = addr.indexOf('/');
  if (slash >= 0) {
    prefix = Number(addr.slice(slash + 1));
    addr = addr.slice(0, slash);
  }
  const ip = parseIpv4(addr) ?? (addr.includes(':') ? parseIp(addr) : null);
  if (!ip) return null;
  const bits = ip.length * 8;
  if (prefix === null) prefix = bits;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) return null;
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) return null;
  return { ip, prefix, port };
}
