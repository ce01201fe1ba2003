// Property: over random call sequences, on both profiles, every error the simulated stack reports is
// one the function's reference page documents, and every FD_* event code is one its event table lists.
// The tables come from the analyzer core's generated contracts (no copy here).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documented, eventCodes } from '../../../runtime/src/spec/contracts';
import { SimulatedStack } from '../../../runtime/src/stack/simulated/simulated-stack';
import type { Profile } from '../../../runtime/src/types';
import { RandomCaller, rng, testNetwork } from './random-calls';

const SEQUENCES = 150;
const STEPS = 60;

for (const profile of ['spec', 'windows'] as Profile[]) {
  test(`[${profile}] random call sequences only produce documented error codes`, async () => {
    const seen = new Set<string>();
    const events = new Set<string>();
    for (let seq = 1; seq <= SEQUENCES; seq++) {
      const stack = new SimulatedStack({ profile, network: testNetwork(), provider: { connectData: seq % 5 === 0 } });
      const caller = new RandomCaller(stack, rng(seq * 7919 + (profile === 'spec' ? 0 : 1)));
      for (let i = 0; i < STEPS; i++) {
        const { fn, reply } = await caller.step();
        if (reply.ok === false && fn !== 'Sleep') {
          assert.ok(documented(fn, reply.error), `seed ${seq} step ${i}: ${fn} returned ${reply.error}, which its page does not document (${reply.detail})`);
          seen.add(`${fn} ${reply.error}`);
        }
        for (const ev of stack.takeEvents()) {
          events.add(`${ev.event} ${ev.error ?? 0}`);
          if (ev.error === null) continue;
          const allowed = eventCodes('WSPEnumNetworkEvents', ev.event);
          assert.ok(allowed?.includes(ev.error), `seed ${seq} step ${i}: ${ev.event} came with ${ev.error}, not in the page's table for it`);
        }
      }
    }
    // The property means something only if the sequences reach many different failures.
    assert.ok(seen.size >= 60, `only ${seen.size} distinct (function, code) pairs were produced: ${[...seen].join(', ')}`);
    assert.ok([...events].some((e) => /^FD_CONNECT WSAE/.test(e)), `no failed FD_CONNECT among the events seen: ${[...events].join(', ')}`);
  });
}

test('the check can fail: the tables do not list every code for every function', () => {
  assert.equal(documented('WSPCloseSocket', 'WSAECONNREFUSED'), false);
  assert.equal(documented('WSPRecvFrom', 'WSAENOTCONN'), false);
  assert.equal(documented('WSPConnect', 'WSAECONNREFUSED'), true);
  assert.deepEqual(eventCodes('WSPEnumNetworkEvents', 'FD_CONNECT')?.includes('WSAECONNRESET'), false);
});
