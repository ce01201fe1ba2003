import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createAnalyzer } from '../../server/src/core/index';
import { actualKeys, fixtureEntries, loadFixture } from '../support/expectations';

const root = process.env.WSPLINT_ROOT ?? process.cwd();
const corpusDir = join(root, 'test', 'corpus');

interface Score {
  tp: number;
  fp: number;
  fn: number;
}

// The realistic corpus measures what the "done when" asks: >= 90% of the real violations found,
// with >= 90% precision, on C and on C++ separately.
test('corpus: recall and precision of at least 90% on C and on C++', { skip: !existsSync(corpusDir) && 'no test/corpus' }, async () => {
  const analyzer = await createAnalyzer({ functions: ['WSPConnect'] });
  const scores: Record<'c' | 'cpp', Score> = { c: { tp: 0, fp: 0, fn: 0 }, cpp: { tp: 0, fp: 0, fn: 0 } };
  const misses: string[] = [];
  for (const entry of fixtureEntries(corpusDir)) {
    const fx = loadFixture(root, entry);
    const actual = actualKeys(analyzer.analyze(fx.files).findings);
    const lang = fx.files.some((f) => /\.(cpp|cc|cxx|hpp)$/.test(f.path)) ? 'cpp' : 'c';
    for (const k of actual) {
      if (fx.expected.has(k)) scores[lang].tp++;
      else {
        scores[lang].fp++;
        misses.push(`false positive ${k}`);
      }
    }
    for (const k of fx.expected) {
      if (!actual.has(k)) {
        scores[lang].fn++;
        misses.push(`missed ${k}`);
      }
    }
  }
  for (const m of misses) console.log(`  ${m}`);
  for (const lang of ['c', 'cpp'] as const) {
    const s = scores[lang];
    const recall = s.tp / Math.max(1, s.tp + s.fn);
    const precision = s.tp / Math.max(1, s.tp + s.fp);
    console.log(`corpus ${lang}: ${s.tp} found, ${s.fp} false positives, ${s.fn} missed: recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%`);
    assert.ok(s.tp + s.fn > 0, `the corpus has no ${lang} violations to find`);
    assert.ok(recall >= 0.9 && precision >= 0.9, `${lang}: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}\n${misses.join('\n')}`);
  }
});
