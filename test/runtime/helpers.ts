/** Shared helpers of the runtime tests. */
import { join } from 'node:path';
import { runSource } from '../../runtime/src/runner';
import type { RunOptions } from '../../runtime/src/runner';
import type { SnippetResult } from '../../runtime/src/types';

export const ROOT = process.env.WSPLINT_ROOT ?? join(__dirname, '..', '..', '..');
export const SCENARIOS = join(ROOT, 'test', 'runtime', 'scenarios');

/** Runs a file's single snippet. */
export async function runOne(source: string, options: RunOptions = {}): Promise<SnippetResult> {
  const report = await runSource(source, options);
  if (report.snippets.length !== 1) throw new Error(`expected one snippet, got ${report.snippets.length}`);
  return report.snippets[0];
}

/** Wraps statements into a snippet function. */
export function snippet(body: string, header = ''): string {
  return `${header}\n// wsplint:snippet t\nvoid t(void)\n{\n${body}\n}\n`;
}

/** Runs statements as a snippet; throws when the run stopped. */
export async function run(body: string, options: RunOptions = {}, header = ''): Promise<SnippetResult> {
  const r = await runOne(snippet(body, header), options);
  if (r.error !== null) throw new Error(`run stopped: ${r.error}`);
  return r;
}
