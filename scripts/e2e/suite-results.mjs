// Turns the results file that test/e2e/suite/index.ts writes into checks of the tally.
import { existsSync, readFileSync } from 'node:fs';

export function recordSuiteResults(tally, results, code, logHint) {
  if (!existsSync(results)) {
    tally.fail('extension-host suite', new Error(`exited with ${code} without writing results: it did not load (see ${logHint})`));
    return;
  }
  const r = JSON.parse(readFileSync(results, 'utf8'));
  for (const t of r.passed) tally.pass(`suite: ${t}`);
  for (const t of r.failed) tally.fail(`suite: ${t.title}`, t.error);
  for (const t of r.pending) tally.skip(`suite: ${t.title}`, t.reason);
  if (code !== 0 && r.failed.length === 0) tally.fail('extension-host suite', new Error(`exit code ${code} although no test failed`));
  if (r.passed.length + r.failed.length + r.pending.length === 0) tally.fail('extension-host suite', new Error('ran no test'));
}
