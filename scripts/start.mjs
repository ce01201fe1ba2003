// `npm start`: build, then run `wsplint check` on the bundled example providers under examples/.
// Findings (exit 1) are what the examples are there to show, so they do not fail the script; a failed
// build, a usage or I/O error (exit 2) or a crash does. Extra arguments go to the check:
// `npm start -- --format sarif`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.error) {
    console.error(`npm start: cannot run node ${args.join(' ')}: ${r.error.message}`);
    process.exit(1);
  }
  if (r.signal) {
    console.error(`npm start: node ${args[0]} was killed by ${r.signal}`);
    process.exit(1);
  }
  return r.status;
}

const built = run([join('scripts', 'build.mjs'), '--quiet']);
if (built !== 0) process.exit(built || 1);
const checked = run([join('bin', 'wsplint.js'), 'check', 'examples', ...process.argv.slice(2)]);
process.exit(checked === 0 || checked === 1 ? 0 : checked || 1);
