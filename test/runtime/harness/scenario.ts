/**
 * Scenario files state their own expectations (like Semgrep's rule tests): a scenario is a C file with
 * one `// wsplint:snippet` function and comments on its lines:
 *   `// expect: WSPConnect -> SOCKET_ERROR WSAEINVAL`   (several: `; `-separated)
 *   `// expect[windows]: ...`, `// expect[spec]: ...`     (one profile only)
 *   `// event: FD_CONNECT WSAECONNREFUSED`                (an event delivered during that line's call)
 *   `// output: text`                                     (the printed lines, in order)
 *   `// stops: text`                                      (the run must stop with a message containing it)
 * and a header: `// scenario: ...`, `// source: ...`, optionally `// profiles: spec`.
 * Every call and every event must be expected; each expectation line must match every execution.
 */
import type { Profile, SnippetResult } from '../../../runtime/src/types';

export interface CallExpectation {
  call: string;
  /** A number, or '*' for any value, or 'ok' for any success. */
  returned: number | '*' | 'ok';
  error: string | null;
}

export interface EventExpectation {
  event: string;
  error: string | null;
}

export interface Scenario {
  title: string;
  source: string;
  profiles: Profile[];
  calls: Map<Profile, Map<number, CallExpectation[]>>;
  events: Map<Profile, Map<number, EventExpectation[]>>;
  output: Map<Profile, string[] | null>;
  stops: Map<Profile, string | null>;
}

const NAMED: Record<string, number> = { SOCKET_ERROR: -1, INVALID_SOCKET: -1, WSA_WAIT_TIMEOUT: 0x102, WSA_WAIT_FAILED: 0xffffffff, WSA_WAIT_EVENT_0: 0 };

function parseCall(text: string, line: number): CallExpectation {
  const m = /^(\w+)\s*->\s*(\S+)(?:\s+(\w+))?$/.exec(text.trim());
  if (!m) throw new Error(`line ${line}: cannot read expectation "${text}" (want: NAME -> RET [ERROR])`);
  const ret = m[2];
  let returned: CallExpectation['returned'];
  if (ret === '*' || ret === 'ok') returned = ret;
  else if (ret in NAMED) returned = NAMED[ret];
  else if (/^-?\d+$/.test(ret)) returned = Number(ret);
  else throw new Error(`line ${line}: unknown return value "${ret}"`);
  return { call: m[1], returned, error: m[3] ?? null };
}

export function parseScenario(source: string): Scenario {
  const s: Scenario = { title: '', source: '', profiles: ['spec', 'windows'], calls: new Map(), events: new Map(), output: new Map(), stops: new Map() };
  const perProfile = <T>(map: Map<Profile, T>, init: () => T, which: Profile | null): T[] =>
    (which ? [which] : (['spec', 'windows'] as Profile[])).map((p) => {
      if (!map.has(p)) map.set(p, init());
      return map.get(p) as T;
    });
  source.split('\n').forEach((text, i) => {
    const line = i + 1;
    const at = text.indexOf('//');
    if (at < 0) return;
    // One line may carry several directives: `// expect: ... // event: ...`.
    for (const part of text.slice(at + 2).split('//')) directive(line, part);
  });
  function directive(line: number, part: string): void {
    const m = /^\s*(scenario|source|profiles|expect|event|output|stops)(?:\[(spec|windows)\])?:\s?(.*)$/.exec(part);
    if (!m) return;
    const [, kind, prof, rest] = m;
    const which = (prof as Profile | undefined) ?? null;
    switch (kind) {
      case 'scenario':
        s.title = rest.trim();
        break;
      case 'source':
        s.source += (s.source ? ' ' : '') + rest.trim();
        break;
      case 'profiles':
        s.profiles = rest.split(/[\s,]+/).filter((p) => p === 'spec' || p === 'windows') as Profile[];
        break;
      case 'expect':
        for (const map of perProfile(s.calls, () => new Map<number, CallExpectation[]>(), which)) {
          map.set(line, [...(map.get(line) ?? []), ...rest.split(';').filter((x) => x.trim()).map((x) => parseCall(x, line))]);
        }
        break;
      case 'event': {
        const [event, error] = rest.trim().split(/\s+/);
        for (const map of perProfile(s.events, () => new Map<number, EventExpectation[]>(), which)) {
          map.set(line, [...(map.get(line) ?? []), { event, error: error && error !== '0' ? error : null }]);
        }
        break;
      }
      case 'output':
        for (const out of perProfile(s.output, () => [] as string[] | null, which)) out?.push(rest.replace(/\s+$/, ''));
        break;
      case 'stops':
        for (const p of which ? [which] : (['spec', 'windows'] as Profile[])) s.stops.set(p, rest.trim());
        break;
    }
  }
  return s;
}

/** Every difference between what the scenario expects for `profile` and what the run gave. */
export function compare(s: Scenario, profile: Profile, r: SnippetResult): string[] {
  const problems: string[] = [];
  const expected = s.calls.get(profile) ?? new Map<number, CallExpectation[]>();
  const actualByLine = new Map<number, SnippetResult['calls']>();
  for (const c of r.calls) actualByLine.set(c.line, [...(actualByLine.get(c.line) ?? []), c]);
  for (const [line, calls] of actualByLine) {
    const exp = expected.get(line);
    if (!exp) {
      problems.push(`line ${line}: unexpected call(s) ${calls.map((c) => `${c.call} -> ${c.returned} ${c.error ?? ''}`).join(', ')}`);
      continue;
    }
    if (calls.length % exp.length !== 0) {
      problems.push(`line ${line}: ${calls.length} call(s) made, expectations list ${exp.length}`);
      continue;
    }
    calls.forEach((c, i) => {
      const e = exp[i % exp.length];
      const retOk = e.returned === '*' || (e.returned === 'ok' ? c.error === null : c.returned === e.returned);
      if (c.call !== e.call || !retOk || c.error !== e.error) {
        problems.push(`line ${line}: expected ${e.call} -> ${e.returned} ${e.error ?? '(no error)'}, got ${c.call} -> ${c.returned} ${c.error ?? '(no error)'} [${c.detail}]`);
      }
    });
  }
  for (const line of expected.keys()) {
    if (!actualByLine.has(line) && !s.stops.get(profile)) problems.push(`line ${line}: expected call(s) never made`);
  }
  const expEvents = s.events.get(profile) ?? new Map<number, EventExpectation[]>();
  const evByLine = new Map<number, SnippetResult['events']>();
  for (const e of r.events) evByLine.set(e.line, [...(evByLine.get(e.line) ?? []), e]);
  for (const line of new Set([...expEvents.keys(), ...evByLine.keys()])) {
    const want = (expEvents.get(line) ?? []).map((e) => `${e.event}${e.error ? ` ${e.error}` : ''}`).join(', ');
    const got = (evByLine.get(line) ?? []).map((e) => `${e.event}${e.error ? ` ${e.error}` : ''}`).join(', ');
    if (want !== got) problems.push(`line ${line}: expected events [${want}], got [${got}]`);
  }
  const out = s.output.get(profile);
  if (out && JSON.stringify(out) !== JSON.stringify(r.output)) problems.push(`output: expected ${JSON.stringify(out)}, got ${JSON.stringify(r.output)}`);
  const stop = s.stops.get(profile) ?? null;
  if (stop === null && r.error !== null) problems.push(`the run stopped: ${r.error}`);
  if (stop !== null && (r.error === null || !r.error.includes(stop))) problems.push(`expected the run to stop with "${stop}", got ${r.error ?? 'no stop'}`);
  return problems;
}
