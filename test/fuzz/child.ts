/**
 * Fuzz child process: loads the analyzer once, then checks each input the parent sends over IPC and
 * answers with the outcome. The parent owns the clock: a hang here is seen as a missing answer, and the
 * parent kills this process. Stack overflows surface as RangeError and are told apart from other throws.
 */
import { createAnalyzer } from '../../server/src/core';
import { checkInput, InvariantError, type FuzzInput } from './check-input';
import type { ChildReply, ChildRequest } from './protocol';

/**
 * Test hook: with WSPLINT_FUZZ_FAULTS=1, an input holding `@@fault:<kind>@@` fails that way instead of
 * being analysed, so the tests can show that each kind of failure is detected (test/reliability).
 */
function injectFault(bytes: Uint8Array): void {
  if (process.env.WSPLINT_FUZZ_FAULTS !== '1') return;
  const m = /@@fault:(\w+)@@/.exec(Buffer.from(bytes).toString('latin1'));
  if (!m) return;
  if (m[1] === 'throw') throw new TypeError('injected fault');
  if (m[1] === 'overflow') {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    recurse(0);
  }
  if (m[1] === 'hang') for (;;);
  if (m[1] === 'exit') process.exit(70);
}

async function main(): Promise<void> {
  const analyzer = await createAnalyzer();
  const send = (m: ChildReply): void => void process.send?.(m);
  process.on('message', (m: ChildRequest) => {
    const input: FuzzInput = { path: m.path, bytes: new Uint8Array(Buffer.from(m.bytes, 'base64')), extra: m.extra };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      injectFault(input.bytes);
      const s = checkInput(analyzer, input);
      const cpu = process.cpuUsage(cpu0);
      send({ id: m.id, kind: 'ok', ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, ...s });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const kind = err instanceof InvariantError ? 'invariant' : err instanceof RangeError && /call stack/i.test(err.message) ? 'stack-overflow' : 'throw';
      send({ id: m.id, kind, ms: performance.now() - t0, message: err.message, stack: (err.stack ?? '').split('\n').slice(0, 12).join('\n') });
    }
  });
  send({ id: -1, kind: 'ready' });
}

main().catch((e: unknown) => {
  process.stderr.write(`fuzz child failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(3);
});
