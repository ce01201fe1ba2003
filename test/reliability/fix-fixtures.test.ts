/**
 * Fixes never lose data, over every fixture: each quick fix on its own, then fix-all, leave a file that
 * parses with no more error nodes than before, keeps its line endings (LF files and the same files in
 * CRLF), and a second fix-all finds nothing left to do. Fix-all on the CRLF copy is exactly fix-all on
 * the LF file with CRLF line endings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer, type Analyzer, type Finding, type SourceFile } from '../../server/src/core';
import { applyEdits, disableLineFix, fixAll, fixContext, fixesFor, removeSuppressionFix, type FixChoice } from '../../server/src/core/fix';
import { contractForFunction } from '../../server/src/core/spec/implementation-of';
import { parseErrors } from '../lsp/parse-check';
import { fixtureGroups } from './fixture-groups';
import { ROOT } from './fuzz-run';

const crlf = (t: string): string => t.replace(/\r?\n/g, '\r\n');
const bareLf = (t: string): boolean => /(^|[^\r])\n/.test(t);
const languageOf = (p: string): 'c' | 'cpp' => (/\.(c|h)$/i.test(p) ? 'c' : 'cpp');

interface Checked {
  files: number;
  choices: number;
  fixAllEdits: number;
  problems: string[];
}

function choicesFor(f: Finding, text: string, others: readonly SourceFile[]): FixChoice[] {
  const ctx = fixContext(text, f, contractForFunction, () => others.map((o) => o.text));
  if (f.rule === 'unused-suppression' || f.rule === 'unknown-suppression') {
    const r = removeSuppressionFix(f, ctx);
    return r ? [r] : [];
  }
  return [...fixesFor(f, ctx), disableLineFix(f, ctx)];
}

/** Choices that differ only in the error code chosen are one shape: parse one of them. */
function distinctShapes(choices: FixChoice[]): FixChoice[] {
  const seen = new Set<string>();
  return choices.filter((c) => {
    const key = JSON.stringify(c.edits).replace(/\bWSA\w+|\bE[A-Z]+\b/g, 'CODE');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function checkGroup(analyzer: Analyzer, group: SourceFile[], toCrlf: boolean, out: Checked): Promise<Map<string, string>> {
  const files = group.map((f) => ({ ...f, text: toCrlf ? crlf(f.text) : f.text }));
  const fixedTexts = new Map<string, string>();
  for (const file of files) {
    out.files++;
    const others = files.filter((f) => f !== file);
    const where = `${file.path}${toCrlf ? ' (CRLF)' : ''}`;
    const findingsOf = (text: string): Finding[] =>
      analyzer.analyze([{ ...file, text }, ...others], { reportOnly: [file.path] }).findings.filter((f) => f.file === file.path);
    const before = (await parseErrors(file.text, languageOf(file.path))).length;
    const keepsData = async (text: string, what: string): Promise<void> => {
      const after = await parseErrors(text, languageOf(file.path));
      if (after.length > before) out.problems.push(`${where}: ${what}: parse errors ${before} -> ${after.length} (${after.slice(0, 3).join(', ')})`);
      if (toCrlf && bareLf(text)) out.problems.push(`${where}: ${what}: a bare LF in a CRLF file`);
      if (!toCrlf && text.includes('\r')) out.problems.push(`${where}: ${what}: a CR in an LF file`);
    };
    for (const f of findingsOf(file.text)) {
      for (const c of distinctShapes(choicesFor(f, file.text, others))) {
        out.choices++;
        await keepsData(applyEdits(file.text, c.edits), `${f.rule} line ${f.range.start.line + 1}: "${c.title}"`);
      }
    }
    const contextFor = (text: string, f: Finding) => fixContext(text, f, contractForFunction, () => others.map((o) => o.text));
    const first = fixAll(file.text, findingsOf, contextFor);
    const fixed = first.edit ? applyEdits(file.text, [first.edit]) : file.text;
    if (first.edit) {
      out.fixAllEdits++;
      await keepsData(fixed, 'fix-all');
      const second = fixAll(fixed, findingsOf, contextFor);
      if (second.edit) out.problems.push(`${where}: a second fix-all still changes ${JSON.stringify(fixed.slice(second.edit.start, second.edit.end))} -> ${JSON.stringify(second.edit.newText)}`);
    }
    fixedTexts.set(file.path, fixed);
  }
  return fixedTexts;
}

test('every quick fix and fix-all over every fixture, LF and CRLF: still parses, line endings kept, fix-all idempotent', async (t) => {
  const analyzer = await createAnalyzer();
  const groups = fixtureGroups(ROOT);
  assert.ok(groups.length >= 150, `${groups.length} fixture groups`);
  const out: Checked = { files: 0, choices: 0, fixAllEdits: 0, problems: [] };
  for (const group of groups) {
    const lf = await checkGroup(analyzer, group, false, out);
    const cr = await checkGroup(analyzer, group, true, out);
    for (const [path, text] of lf) {
      if (cr.get(path) !== crlf(text)) out.problems.push(`${path}: fix-all on the CRLF copy differs from fix-all on the LF file (beyond line endings)`);
    }
  }
  t.diagnostic(`${out.files} files, ${out.choices} quick fixes, ${out.fixAllEdits} fix-all edits checked`);
  assert.deepEqual(out.problems, []);
  // The run exercised fixes, not only clean files.
  assert.ok(out.choices >= 300, `${out.choices} quick fixes checked`);
  assert.ok(out.fixAllEdits >= 60, `${out.fixAllEdits} files changed by fix-all`);
});
