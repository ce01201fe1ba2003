import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { blankMacros, reblank, type BlankResult } from '../../server/src/core/parse/blank';
import { listSources } from '../support/expectations';

/**
 * Incremental blanking: after any edit, reblank() from the previous version's result must give exactly
 * what blankMacros() gives for the new text (text, macros, sync points), including for edits that open
 * or close comments, strings, raw strings, directives and macro argument lists far from the edit.
 */

const root = process.env.WSPLINT_ROOT ?? process.cwd();

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function sources(): string[] {
  return [...listSources(join(root, 'test', 'corpus')), ...listSources(join(root, 'test', 'cases'))].map((p) => readFileSync(p, 'utf8'));
}

// Pieces that change the scanner's state far from where they are typed.
const PIECES = ['/*', '*/', '//', '"', "'", 'R"x(', ')x"', '#', '#define TRACE Log(1);\n', '\\', '\n', '\r\n', '(', ')', ';', '{', '}', '_In_', '_Out_writes_(', ' IN ', 'FAR', 'FIELD_OFFSET(struct s, f)', 'x', ' ', '\t', '_Success_(return == 0)'];

function same(actual: BlankResult, expected: BlankResult, what: string): void {
  assert.equal(actual.text, expected.text, `${what}: text`);
  assert.deepEqual(actual.macros, expected.macros, `${what}: macros`);
  assert.deepEqual(actual.syncPoints, expected.syncPoints, `${what}: sync points`);
}

test('reblank equals a full blanking after random edits (chained, like keystrokes)', () => {
  const rand = rng(11);
  const all = sources();
  assert.ok(all.length > 50, 'too few sources to edit');
  let checked = 0;
  for (const [k, original] of all.entries()) {
    let text = original;
    let prev = blankMacros(text);
    for (let round = 0; round < 12; round++) {
      const at = Math.floor(rand() * (text.length + 1));
      const r = rand();
      let next: string;
      if (r < 0.15) {
        // Same length, several lines: two lines swapped (a change with no shift of what follows).
        const ls = text.split('\n');
        const a = Math.floor(rand() * ls.length);
        const b = Math.min(ls.length - 1, a + 1 + Math.floor(rand() * 4));
        [ls[a], ls[b]] = [ls[b], ls[a]];
        next = ls.join('\n');
      } else if (r < 0.5) next = text.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)] + text.slice(at);
      else if (r < 0.8) next = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3));
      else {
        const to = Math.min(text.length, at + Math.floor(rand() * 200));
        next = text.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)] + text.slice(to);
      }
      const incremental = reblank(next, [], text, prev);
      same(incremental, blankMacros(next), `source ${k}, round ${round}, edit at ${at}`);
      checked++;
      text = next;
      prev = incremental;
    }
  }
  assert.ok(checked > 500);
});

test('decisions that read the next lines are taken again when those lines change', () => {
  const cases: Array<[string, string]> = [
    // A raw string's opening depends on the characters after R", maybe on the next line.
    ['int a;\nconst char* s = R"a";\nint b;\n_In_ int c;\n', 'int a;\nconst char* s = R"a";\n(int b;\n_In_ int c;\n'],
    // A SAL macro's arguments may close lines later; without the `)` the arguments stay.
    ['void f(_In_reads_(\n n) int* p,\n int n);\n_Out_ int g;\n', 'void f(_In_reads_(\n n int* p,\n int n);\n_Out_ int g;\n'],
    ['void f(_In_reads_(\n n int* p,\n int n);\n_Out_ int g;\n', 'void f(_In_reads_(\n n) int* p,\n int n);\n_Out_ int g;\n'],
    ['void f(_In_reads_(\n n\n ;\nint g;\n', 'void f(_In_reads_(\n n)\n ;\nint g;\n'],
    // A comment closed on a later line.
    ['/* a\n_In_ b\nc */ _In_ int x;\n_Out_ int y;\n', '/* a\n_In_ b\nc  _In_ int x;\n_Out_ int y;\n'],
    // The last line deleted: the edit starts at the new end of the text (no sync point there).
    ['int a;\n_In_ int b;\n', 'int a;\n'],
    ['int a;\n_In_ int b;\nint c;\n', 'int a;\n_In_ int b;\n'],
    // A directive continued onto the next line.
    ['#define X 1\n_In_ int a;\n', '#define X 1 \\\n_In_ int a;\n'],
  ];
  for (const [before, after] of cases) same(reblank(after, [], before, blankMacros(before)), blankMacros(after), JSON.stringify(after));
});

test('reblank re-scans only near the edit, and notices a new statement macro anywhere', () => {
  const lines = Array.from({ length: 2000 }, (_, i) => `int f${i}(_In_ int a) { return a; }`);
  const text = lines.join('\n');
  const prev = blankMacros(text);
  const next = text.replace('int f1000(', 'int f1000x(');
  same(reblank(next, [], text, prev), blankMacros(next), 'identifier edit');
  // A #define of a statement macro changes what is blanked everywhere: the whole file is blanked again.
  const withMacro = `#define f5 Log(1);\n${text}`;
  same(reblank(withMacro, [], text, prev), blankMacros(withMacro), 'statement macro');
  // Opening a comment at the top hides every later annotation.
  const opened = `/*\n${text}`;
  same(reblank(opened, [], text, prev), blankMacros(opened), 'unterminated comment');
  assert.equal(blankMacros(opened).macros.length, 0);
});
