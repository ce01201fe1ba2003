// Virtual time: timers fire only while something waits, in order, and waits report how they ended.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Clock } from '../../../runtime/src/stack/simulated/clock';

test('timers fire in due order while waiting, never on their own', () => {
  const c = new Clock();
  const fired: string[] = [];
  c.schedule(50, () => fired.push('b'));
  c.schedule(10, () => fired.push('a'));
  c.schedule(10, () => fired.push('a2'));
  assert.deepEqual(fired, []);
  assert.equal(c.runUntil(() => fired.length === 3, null), 'done');
  assert.deepEqual(fired, ['a', 'a2', 'b']);
  assert.equal(c.now(), 50);
});

test('a wait with a deadline times out at the deadline; without one and nothing pending it never ends', () => {
  const c = new Clock();
  c.schedule(500, () => undefined);
  assert.equal(c.runUntil(() => false, 100), 'timeout');
  assert.equal(c.now(), 100);
  assert.equal(c.runUntil(() => false, null), 'never');
  assert.equal(c.now(), 500);
});

test('a cancelled timer does not fire; settle fires only what is due now', () => {
  const c = new Clock();
  let n = 0;
  const t = c.schedule(0, () => n++);
  c.schedule(0, () => (n += 10));
  c.schedule(5, () => (n += 100));
  c.cancel(t);
  c.settle();
  assert.equal(n, 10);
});
