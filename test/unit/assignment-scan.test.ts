import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { scanAssignments } from '../../server/src/core/model/assignment-scan';
import { listSources } from '../support/expectations';

/** After any edit, the `name =` matches found from the last version's scan are those of a fresh scan. */
test('scanAssignments from the previous version equals a fresh scan, over random edits', () => {
  const root = process.env.WSPLINT_ROOT ?? process.cwd();
  const texts = listSources(join(root, 'test', 'corpus')).map((p) => readFileSync(p, 'utf8'));
  let seed = 9;
  const rand = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  // Pieces that make, join, split or break matches: an `=` after a name, `==`, names, white space, line breaks.
  const pieces = ['=', '==', ' = ', 'x', 'g_err', ' ', '\n', '\n\n  ', '+=', '|', '!', ';', 'a = b = c'];
  let compared = 0;
  let reused = 0;
  for (const original of texts) {
    let text = original;
    let scan = scanAssignments(text);
    for (let round = 0; round < 40; round++) {
      const at = Math.floor(rand() * (text.length + 1));
      const r = rand();
      const next =
        r < 0.5
          ? text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at)
          : r < 0.8
            ? text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3))
            : text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 40)));
      const incremental = scanAssignments(next, scan);
      assert.deepEqual(incremental.matches, scanAssignments(next).matches, `round ${round}, edit at ${at}`);
      // Objects taken over unchanged from the last scan show that the scan did not start again.
      if (incremental.matches.some((m) => scan.matches.includes(m))) reused++;
      compared++;
      text = next;
      scan = incremental;
    }
  }
  assert.ok(compared > 300 && reused > compared / 2, `${reused} of ${compared} scans reused the last one`);
});
