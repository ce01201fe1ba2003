import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createAnalyzer, type Finding } from '../../server/src/core/index';
import { fixtureEntries, loadFixture } from '../support/expectations';

const root = process.env.WSPLINT_ROOT ?? process.cwd();

/** Everything a user sees of a finding, positions included. */
function view(findings: Finding[]): string[] {
  return findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.rule} ${f.message} ${JSON.stringify(f.fix ?? null)} ${f.steps.map((s) => `${s.file}:${s.line}:${s.column} ${s.message}`).join(' | ')}`);
}

// A deterministic generator, so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

// The server analyses the same files after every keystroke: with the parse cache (incremental reparse) and the
// per-function result cache, each result must be exactly what a fresh analyzer gives for that text.
test('cached, incremental analysis equals a fresh analysis after every edit', async () => {
  const cached = await createAnalyzer();
  const rand = rng(7);
  const entries = fixtureEntries(join(root, 'test', 'corpus'));
  assert.ok(entries.length > 0, 'no corpus to edit');
  // Some edits change how far-away text parses (an unclosed comment or #if, a brace, an annotation).
  const edits = ['\n', ' ', '/* x */', '', '\n\n  int unused = 0;\n', '/*', '#if 0\n', '}', '{', '_In_ ', 'x'];
  let compared = 0;
  let broken = 0;
  for (const entry of entries) {
    const fx = loadFixture(root, entry);
    let files = fx.files;
    const baseline = cached.analyze(files).files.reduce((n, r) => n + r.parseErrors, 0);
    for (let round = 0; round < 16; round++) {
      const i = Math.floor(rand() * files.length);
      const text = files[i].text;
      const at = Math.floor(rand() * text.length);
      const insert = edits[Math.floor(rand() * edits.length)];
      // Deleting one character may break the code: that must be handled the same way too. A third of the
      // edits overwrite instead of inserting, so the text keeps its length (nothing after it moves).
      const overwrite = insert !== '' && rand() < 0.33;
      const next = insert === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + insert + text.slice(overwrite ? at + insert.length : at);
      files = files.map((f, k) => (k === i ? { ...f, text: next } : f));
      const fresh = await createAnalyzer();
      const mine = cached.analyze(files);
      const theirs = fresh.analyze(files);
      // tree-sitter's error recovery after an incremental reparse may place ERROR nodes differently from a
      // fresh parse of the same broken text: an edit that breaks more of the code than was broken before
      // is not compared, and is undone (the cache then reparses back to code that parses).
      if (theirs.files.reduce((n, r) => n + r.parseErrors, 0) > baseline) {
        broken++;
        files = files.map((f, k) => (k === i ? { ...f, text } : f));
        cached.analyze(files);
        continue;
      }
      assert.deepEqual(mine.files, theirs.files, `${fx.name} after edit ${round}: parse reports`);
      assert.deepEqual(view(mine.findings), view(theirs.findings), `${fx.name} after edit ${round} at ${files[i].path}:${at}`);
      compared++;
    }
  }
  assert.ok(compared > 30, `only ${compared} edited states compared (${broken} fixtures stopped at an edit that broke the code)`);
});

// Spans inside an edit must not be taken over even when the edit keeps every offset (an overwrite).
test('an overwrite in a header or a body is read again, not taken over from the last version', async () => {
  const text = [
    'int WSPAPI WSPConnect(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)',
    '{',
    '    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) { *lpErrno = WSAEFAULT; return SOCKET_ERROR; }',
    '    if (lpCalleeData != NULL) lpCalleeData->len = 0;',
    '    *lpErrno = WSAECONNREFUSED;',
    '    return SOCKET_ERROR;',
    '}',
    '',
  ].join('\n');
  const cached = await createAnalyzer();
  const path = 'spi.c';
  assert.deepEqual(cached.analyze([{ path, text }]).findings, []);
  // The last parameter renamed, same length: the stores to *lpErrno no longer set the error parameter.
  const renamed = text.replace('LPINT lpErrno)', 'LPINT lpErrnX)');
  const fresh = (await createAnalyzer()).analyze([{ path, text: renamed }]).findings;
  assert.ok(fresh.length > 0, 'the rename should leave the error unset');
  assert.deepEqual(view(cached.analyze([{ path, text: renamed }]).findings), view(fresh));
  // And back, then a body overwrite of the same length: WSAECONNREFUSED becomes an undocumented code.
  assert.deepEqual(cached.analyze([{ path, text }]).findings, []);
  const body = text.replace('WSAECONNREFUSED', 'WSAEMSGSIZE    ');
  const freshBody = (await createAnalyzer()).analyze([{ path, text: body }]).findings;
  assert.ok(freshBody.some((f) => f.rule === 'undocumented-error'));
  assert.deepEqual(view(cached.analyze([{ path, text: body }]).findings), view(freshBody));
});
