/** The files an analysis of one document takes in: callees' definers (transitively) and its referrers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsOf, RelatedFiles } from '../../server/src/lsp/related-files';

test('facts: definitions, calls and mentions, ignoring comments, strings and keywords', () => {
  const f = factsOf('/* Ghost(1) */\nint Conn(int s) {\n  if (s) return Helper(s, "Fake(2)");\n  return 0;\n}\n');
  assert.deepEqual([...f.defines], ['Conn']);
  assert.deepEqual([...f.calls], ['Helper']);
  assert.ok(f.mentions.has('Conn') && !f.mentions.has('Ghost') && !f.mentions.has('Fake') && !f.mentions.has('if'));
});

test('relatedTo: definers of what it calls, transitively; files mentioning what it defines; nothing else', () => {
  const r = new RelatedFiles();
  r.set('connect.c', 'int LbConnect(int s) { return FailWith(s); }');
  r.set('helpers.c', 'int FailWith(int s) { return Log(s); }');
  r.set('log.c', 'int Log(int s) { return 0; }');
  r.set('startup.c', 'WSPPROC_TABLE t = { LbAccept, LbConnect };');
  r.set('unrelated.c', 'int Other(void) { return Log(1); }');
  assert.deepEqual(r.relatedTo('connect.c').sort(), ['helpers.c', 'log.c', 'startup.c']);
  r.retain(new Set(['connect.c', 'log.c']));
  assert.deepEqual(r.relatedTo('connect.c'), []);
});
