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

// A keystroke in a function body is accounted for by reading the edited line only: after any edit, the
// facts must be those of reading the whole new text.
test('facts updated from the last version equal the facts of the whole new text, over random edits', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { IdentifierFacts } = await import('../../server/src/lsp/identifier-facts');
  const { listSources } = await import('../support/expectations');
  const root = process.env.WSPLINT_ROOT ?? process.cwd();
  const texts = [...listSources(join(root, 'test', 'corpus')), ...listSources(join(root, 'test', 'cases', 'errno-not-set'))]
    .filter((p) => /\.(c|cpp)$/.test(p))
    .map((p) => readFileSync(p, 'utf8'));
  let seed = 5;
  const rand = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const plain = ['x', 'Helper', ' ', '  ', '_', '1', '= ', '+', ';', '\t'];
  const pieces = [...plain, '(', ')', '{', '}', '\n', '"', '//', '/*', '#', 'Log('];
  const view = (f: { defines: Set<string>; calls: Set<string>; mentions: Set<string> }): string =>
    JSON.stringify([[...f.defines].sort(), [...f.calls].sort(), [...f.mentions].sort()]);
  let fromLine = 0;
  let edits = 0;
  for (const original of texts) {
    let text = original;
    let facts = IdentifierFacts.of(text);
    for (let round = 0; round < 25; round++) {
      const at = Math.floor(rand() * text.length);
      const r = rand();
      const list = rand() < 0.6 ? plain : pieces;
      const next = r < 0.6 ? text.slice(0, at) + list[Math.floor(rand() * list.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 4));
      const updated = facts.next(next);
      assert.equal(view(updated), view(IdentifierFacts.of(next)), `edit ${round} at ${at}`);
      if (updated.fromLine) fromLine++;
      edits++;
      text = next;
      facts = updated;
    }
  }
  // The line-only path must have been taken often, or this compares the full reading with itself.
  assert.ok(fromLine > edits / 10, `only ${fromLine} of ${edits} edits were read from the line`);
});
