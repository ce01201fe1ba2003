/**
 * A sharded run (what `wsplint check --jobs N` does across worker threads) must give exactly the findings
 * of one run over all files, however the files are cut: here every file is its own shard, so each
 * helper, global, macro and proc-table install of another file is known only by its facts, and every
 * tree needed from another file is parsed on demand.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listSources } from '../support/expectations';
import { createAnalyzer, runGlobalNames, type Analyzer, type Finding, type GlobalAssignment, type PortableFacts, type SourceFile } from '../../server/src/core/index';

const root = process.env.WSPLINT_ROOT ?? process.cwd();

function sources(dir: string): SourceFile[] {
  return listSources(dir).map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
}

async function sharded(files: SourceFile[], shards: string[][]): Promise<Finding[]> {
  const analyzers: Analyzer[] = [];
  for (let i = 0; i < shards.length; i++) analyzers.push(await createAnalyzer({ reuseResults: false }));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const facts = shards.map((s, i) => analyzers[i].shardFacts(s.map((p) => byPath.get(p)!)).facts);
  const all = new Map<string, PortableFacts>();
  for (const list of facts) for (const f of list) all.set(f.path, f);
  const inOrder = files.flatMap((f) => all.get(f.path) ?? []);
  const names = runGlobalNames(inOrder);
  const assignments = new Map<string, GlobalAssignment[]>();
  shards.forEach((_, i) => {
    const r = analyzers[i].shardAssignments(facts[i].map((f) => f.path), names);
    facts[i].forEach((f, k) => assignments.set(f.path, r[k]));
  });
  const findings: Finding[] = [];
  shards.forEach((s, i) => {
    const own = new Set(s);
    const foreign = new Map(inOrder.filter((f) => !own.has(f.path)).map((f) => [f.path, { facts: f, assignments: assignments.get(f.path) ?? [] }] as const));
    findings.push(...analyzers[i].analyzeShard(files, own, foreign).findings);
  });
  return findings;
}

const view = (fs: Finding[]): string[] => fs.map((f) => JSON.stringify(f)).sort();

for (const tree of ['test/corpus', 'test/cases-spi']) {
  test(`one shard per file gives the findings of one run: ${tree}`, async () => {
    const files = sources(join(root, tree));
    assert.ok(files.length >= 10, `too few files in ${tree}`);
    const whole = (await createAnalyzer({ reuseResults: false })).analyze(files).findings;
    assert.ok(whole.length > 20, `only ${whole.length} findings: the comparison would prove little`);
    // Cross-file facts must matter here, or the test shows nothing: a run of each file alone differs.
    const alone: Finding[] = [];
    for (const f of files) alone.push(...(await createAnalyzer({ reuseResults: false })).analyze([f]).findings);
    assert.notDeepEqual(view(alone), view(whole), 'no finding depends on another file');
    assert.deepEqual(view(await sharded(files, files.map((f) => [f.path]))), view(whole));
  });
}

test('a global assigned in another shard keeps its values (the undocumented code comes from there)', async () => {
  const files: SourceFile[] = [
    {
      path: 'spi.c',
      text: [
        'int g_lastError;',
        'int WSPAPI WSPConnect(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)',
        '{',
        '    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) { *lpErrno = WSAEFAULT; return SOCKET_ERROR; }',
        '    if (lpCalleeData != NULL) lpCalleeData->len = 0;',
        '    *lpErrno = g_lastError;',
        '    return SOCKET_ERROR;',
        '}',
        '',
      ].join('\n'),
    },
    { path: 'failure.c', text: 'extern int g_lastError;\nvoid NoteFailure(void) { g_lastError = WSAEMSGSIZE; }\n' },
  ];
  const whole = (await createAnalyzer({ reuseResults: false })).analyze(files).findings;
  assert.ok(whole.some((f) => f.rule === 'undocumented-error' && f.message.includes('WSAEMSGSIZE')), 'the run does not see the other file\'s assignment');
  assert.deepEqual(view(await sharded(files, [['spi.c'], ['failure.c']])), view(whole));
});
