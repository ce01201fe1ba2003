import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer, type AnalysisResult, type Finding } from '../../server/src/core/index';

/**
 * The path explorer seen through the public API: inline WSPConnect implementations, findings read
 * as `line:rule` (1-based lines, found by a marker text so the sources stay readable).
 */

const SIGNATURE = `int WSPAPI WSPConnect(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData,
    LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)`;

/** A C file with `before` at file scope and `body` as WSPConnect's body. */
function connect(body: string, before = ''): string {
  return `#include <ws2spi.h>\n${before}\n${SIGNATURE}\n{\n${body}\n}\n`;
}

/** 1-based line of the first occurrence of `marker`. */
function lineOf(src: string, marker: string): number {
  const at = src.indexOf(marker);
  assert.ok(at >= 0, `marker not in source: ${marker}`);
  return src.slice(0, at).split('\n').length;
}

async function analyze(src: string, options: { path?: string; maxPathStates?: number } = {}): Promise<AnalysisResult> {
  const analyzer = await createAnalyzer({ maxPathStates: options.maxPathStates });
  const result = analyzer.analyze([{ path: options.path ?? 'provider.c', text: src }]);
  assert.deepEqual(result.files.map((f) => f.parseErrors), [0], 'the test source must parse cleanly');
  return result;
}

/** Findings of the given rules as `line:rule`, sorted. */
function keys(findings: Finding[], rules: readonly string[]): string[] {
  return findings
    .filter((f) => rules.includes(f.rule))
    .map((f) => `${f.range.start.line + 1}:${f.rule}`)
    .sort();
}

function health(result: AnalysisResult): Finding[] {
  return result.findings.filter((f) => f.rule === 'parse-health');
}

// --- loops: state merging makes them terminate, and the paths are still the right ones ---

test('a while loop that may not run leaves *lpErrno unset on the zero-iteration path', async () => {
  const src = connect(`
    while (Pending(s)) { *lpErrno = WSAEWOULDBLOCK; Wait(s); }
    return SOCKET_ERROR; // after while`);
  const r = await analyze(src);
  assert.deepEqual(keys(r.findings, ['errno-not-set', 'parse-health']), [`${lineOf(src, 'return SOCKET_ERROR; // after while')}:errno-not-set`]);
  assert.match(r.findings.find((f) => f.rule === 'errno-not-set')!.message, /\(Pending\(s\)\) is false/);
});

test('a do-while body always runs once: its store counts', async () => {
  const src = connect(`
    do { *lpErrno = WSAEWOULDBLOCK; Wait(s); } while (Pending(s));
    return SOCKET_ERROR;`);
  const r = await analyze(src);
  assert.deepEqual(keys(r.findings, ['errno-not-set', 'parse-health']), []);
});

test('a backward goto retry loop with a counter terminates and keeps the stored code', async () => {
  const src = connect(`
    int tries = 0;
retry:
    if (TryConnect(s) != 0) {
        tries++;
        if (tries < 3) goto retry;
        *lpErrno = WSAETIMEDOUT;
        return SOCKET_ERROR;
    }
    if (Fatal(s)) return SOCKET_ERROR; // unset
    if (lpCalleeData) lpCalleeData->len = 0;
    return NO_ERROR;`);
  const r = await analyze(src);
  assert.deepEqual(keys(r.findings, ['errno-not-set', 'callee-len-not-set', 'parse-health']), [`${lineOf(src, 'return SOCKET_ERROR; // unset')}:errno-not-set`]);
});

test('loops full of branches finish within a small budget: states are merged per node, not paths', async () => {
  // 2^16 paths per iteration, and unboundedly many iterations; but only two fact sets per node.
  const ifs = Array.from({ length: 16 }, (_, i) => `        if (Cond${i}(s)) *lpErrno = WSAENOBUFS;`).join('\n');
  const src = connect(`
    int i, j;
    for (i = 0; i < 8; i++) {
        for (j = 0; j < 8; j++) {
${ifs}
            if (Ready(s)) break;
        }
        if (Done(s)) continue;
    }
    for (;;) { if (Ready(s)) break; }
    return SOCKET_ERROR; // end`);
  const r = await analyze(src, { maxPathStates: 400 });
  assert.deepEqual(health(r), [], 'the budget of 400 states was enough');
  assert.deepEqual(keys(r.findings, ['errno-not-set']), [`${lineOf(src, 'return SOCKET_ERROR; // end')}:errno-not-set`]);
});

// --- big functions: they finish, and truncation is reported only when the budget is hit ---

function bigSwitch(cases: number, odd: number): string {
  const arms = Array.from({ length: cases }, (_, i) => `    case ${i}: *lpErrno = ${i === odd ? 'WSAECONNRESET' : 'WSAEFAULT'}; break;`).join('\n');
  return connect(`
    int code = Classify(s);
    switch (code) {
${arms}
    default: return SOCKET_ERROR; // default
    }
    return SOCKET_ERROR;`);
}

test('a 500-case switch is explored completely', async () => {
  const src = bigSwitch(500, 250);
  const r = await analyze(src);
  assert.deepEqual(keys(r.findings, ['errno-not-set', 'undocumented-error', 'parse-health']), [
    `${lineOf(src, 'case 250:')}:undocumented-error`,
    `${lineOf(src, '// default')}:errno-not-set`,
  ]);
});

function sequentialIfs(count: number, bad: number): string {
  const lines = Array.from({ length: count }, (_, i) =>
    i === bad ? `    if (Check${i}(s)) return SOCKET_ERROR; // bad` : `    if (Check${i}(s)) { *lpErrno = WSAEINVAL; return SOCKET_ERROR; }`,
  ).join('\n');
  return connect(`${lines}
    if (lpCalleeData) lpCalleeData->len = 0;
    return NO_ERROR;`);
}

test('200 sequential ifs are explored completely, with no parse-health', async () => {
  const src = sequentialIfs(200, 120);
  const r = await analyze(src);
  assert.deepEqual(keys(r.findings, ['errno-not-set', 'callee-len-not-set', 'parse-health']), [`${lineOf(src, '// bad')}:errno-not-set`]);
});

test('a small budget is reported as parse-health on the function, naming the budget', async () => {
  const src = sequentialIfs(200, 120);
  const r = await analyze(src, { maxPathStates: 50 });
  const h = health(r);
  assert.equal(h.length, 1);
  assert.match(h[0].message, /path exploration of WSPConnect stopped after 50 states/);
  assert.equal(h[0].function, 'WSPConnect');
  assert.equal(h[0].range.start.line + 1, lineOf(src, 'lpErrno)\n{') + 1, 'reported at the opening brace of the body');
});

test('parse-health appears exactly when the budget is smaller than the states the function needs', async () => {
  const src = sequentialIfs(12, 5);
  const truncatedAt = async (budget: number): Promise<boolean> => health(await analyze(src, { maxPathStates: budget })).length > 0;
  // The smallest budget that suffices, by bisection.
  let lo = 1;
  let hi = 20000;
  assert.equal(await truncatedAt(hi), false);
  assert.equal(await truncatedAt(lo), true);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (await truncatedAt(mid)) lo = mid;
    else hi = mid;
  }
  const need = hi;
  assert.ok(need > 12, `a function with 12 decisions needs more than 12 states (got ${need})`);
  const at = health(await analyze(src, { maxPathStates: need - 1 }));
  assert.match(at[0].message, new RegExp(`stopped after ${need - 1} states`));
  const full = await analyze(src, { maxPathStates: need });
  assert.deepEqual(keys(full.findings, ['errno-not-set', 'parse-health']), [`${lineOf(src, '// bad')}:errno-not-set`]);
});

// --- conditions refine NULL facts: &&, ||, !, ?: ---

const REFINE_CASES: Array<{ name: string; body: string; deref: string | null }> = [
  { name: 'p && p->len', body: 'if (lpCalleeData && lpCalleeData->len > 0) lpCalleeData->len = 0;', deref: null },
  { name: 'p || p->len (right side runs when p is NULL)', body: 'if (lpCalleeData || lpCalleeData->len > 0) Use(s);', deref: 'lpCalleeData->len > 0' },
  { name: 'p == NULL || p->len, else branch', body: 'if (lpCalleeData == NULL || lpCalleeData->len == 0) { Use(s); } else { lpCalleeData->len = 0; }', deref: null },
  { name: '!(p == NULL || ...) guards the then branch', body: 'if (!(lpSQOS == NULL || lpSQOS->ProviderSpecific.len == 0)) Use(lpSQOS->ProviderSpecific.buf);', deref: null },
  { name: 'p ? p->len : 0', body: 'int n = lpCalleeData ? lpCalleeData->len : 0; Use(n);', deref: null },
  { name: '!p ? 0 : p->field', body: 'int n = !lpSQOS ? 0 : lpSQOS->SendingFlowspec.TokenRate; Use(n);', deref: null },
  { name: 'p ? 0 : p->len (the wrong arm)', body: 'int n = lpCalleeData ? 0 : lpCalleeData->len; Use(n);', deref: 'lpCalleeData->len; Use' },
  { name: 'a check that does not cover the statement after it', body: 'if (lpCallerData != NULL && lpCallerData->len) Use(s);\n    Use2(lpCallerData->buf);', deref: 'lpCallerData->buf' },
];

for (const c of REFINE_CASES) {
  test(`NULL facts from conditions: ${c.name}`, async () => {
    const src = connect(`    ${c.body}\n    *lpErrno = WSAENETDOWN;\n    return SOCKET_ERROR;`);
    const r = await analyze(src);
    const derefs = r.findings.filter((f) => f.rule === 'callee-null-deref');
    if (c.deref === null) assert.deepEqual(derefs.map((f) => f.message), []);
    else {
      assert.equal(derefs.length, 1, derefs.map((f) => f.message).join('\n'));
      assert.equal(derefs[0].range.startOffset, src.indexOf(c.deref), 'the finding sits on the dereference');
    }
  });
}

// --- helpers: one outcome per way they return ---

const HELPERS = `
static int CheckAddress(const struct sockaddr *addr, int len, LPINT err)
{
    if (addr == NULL || len < (int)sizeof(SOCKADDR_IN)) {
        *err = WSAEFAULT;
        return SOCKET_ERROR;
    }
    return NO_ERROR;
}
static int MapStatus(int status)
{
    switch (status) {
    case 1: return WSAECONNREFUSED;
    case 2: return WSAECONNRESET; // helper
    default: return WSAENETUNREACH;
    }
}`;

const USES_HELPERS = `
    int status;
    if (CheckAddress(name, namelen, lpErrno) != NO_ERROR)
        return SOCKET_ERROR; // after check
    status = Lower(s);
    if (status != 0) {
        *lpErrno = MapStatus(status); // mapped
        return SOCKET_ERROR;
    }
    if (lpCalleeData != NULL) lpCalleeData->len = 0;
    return NO_ERROR;`;

test('a helper forks the caller per outcome: its failure outcome wrote *lpErrno, its codes are checked', async () => {
  const src = connect(USES_HELPERS, HELPERS);
  const r = await analyze(src);
  assert.deepEqual(keys(r.findings, ['errno-not-set', 'undocumented-error', 'callee-len-not-set', 'parse-health']), [`${lineOf(src, '// mapped')}:undocumented-error`]);
  const f = r.findings.find((x) => x.rule === 'undocumented-error')!;
  assert.match(f.message, /WSAECONNRESET/);
  assert.ok(
    f.steps.some((s) => s.line + 1 === lineOf(src, '// helper') && /in MapStatus/.test(s.message)),
    `the steps go into the helper: ${JSON.stringify(f.steps)}`,
  );
});

test('a helper outcome that fails without writing the error makes the caller\'s return an errno-not-set', async () => {
  const helpers = HELPERS.replace('        *err = WSAEFAULT;', '        if (addr == NULL) return SOCKET_ERROR;\n        *err = WSAEFAULT;');
  assert.notEqual(helpers, HELPERS);
  const src = connect(USES_HELPERS, helpers);
  const r = await analyze(src);
  assert.deepEqual(keys(r.findings, ['errno-not-set']), [`${lineOf(src, '// after check')}:errno-not-set`]);
  const f = r.findings.find((x) => x.rule === 'errno-not-set')!;
  assert.ok(f.steps.some((s) => /in CheckAddress: \(addr == NULL\) is true/.test(s.message)), JSON.stringify(f.steps));
});

// --- C++ condition_clause ---

const FIND_CTX = 'struct SocketCtx { int state; };\nSocketCtx* FindCtx(SOCKET s, LPINT err);';

test('C++ if with an init-statement: the condition after it refines the helper outcome', async () => {
  const src = connect(`
    if (SocketCtx* ctx = FindCtx(s, lpErrno); ctx != nullptr) {
        if (lpCalleeData) lpCalleeData->len = 0;
        return 0;
    }
    return SOCKET_ERROR;`, FIND_CTX);
  const r = await analyze(src, { path: 'provider.cpp' });
  assert.deepEqual(keys(r.findings, ['errno-not-set', 'callee-len-not-set', 'parse-health']), []);
});

test('C++ if with an init-statement: a success path that returns SOCKET_ERROR is still found', async () => {
  const src = connect(`
    if (SocketCtx* ctx = FindCtx(s, lpErrno); ctx != nullptr) {
        if (ctx->state != 0) return SOCKET_ERROR; // busy
        if (lpCalleeData) lpCalleeData->len = 0;
        return 0;
    }
    return SOCKET_ERROR;`, FIND_CTX);
  const r = await analyze(src, { path: 'provider.cpp' });
  assert.deepEqual(keys(r.findings, ['errno-not-set']), [`${lineOf(src, '// busy')}:errno-not-set`]);
});

test('C++ if with a declaration as the condition refines like the same test written out', async () => {
  const src = connect(`
    if (SocketCtx* ctx = FindCtx(s, lpErrno)) {
        if (lpCalleeData) lpCalleeData->len = 0;
        return 0;
    }
    return SOCKET_ERROR;`, FIND_CTX);
  const r = await analyze(src, { path: 'provider.cpp' });
  assert.deepEqual(keys(r.findings, ['errno-not-set', 'callee-len-not-set', 'parse-health']), []);
});

// --- preprocessor arms ---

test('an #ifdef arm that leaves *lpErrno unset is reported even when the #else arm sets it', async () => {
  const src = connect(`
#ifdef USE_FAST_PATH
    Fast();
#else
    *lpErrno = WSAENETDOWN;
#endif
    return SOCKET_ERROR; // after ifdef`);
  const r = await analyze(src);
  assert.deepEqual(keys(r.findings, ['errno-not-set']), [`${lineOf(src, '// after ifdef')}:errno-not-set`]);
});

test('an #else arm that leaves *lpErrno unset is reported', async () => {
  const src = connect(`
#ifdef USE_FAST_PATH
    *lpErrno = WSAENETDOWN;
#else
    Slow();
#endif
    return SOCKET_ERROR; // after ifdef`);
  const r = await analyze(src);
  assert.deepEqual(keys(r.findings, ['errno-not-set']), [`${lineOf(src, '// after ifdef')}:errno-not-set`]);
});
