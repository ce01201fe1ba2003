import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cfg } from '../../server/src/core/flow/cfg';
import type { Language } from '../../server/src/core/types';
import { cfgOf, deadEnds, edgesOf, nodesWithText, nodeWithText, paths, reachable, reachableTexts, reachesExit } from '../support/cfg-paths';

/**
 * The control-flow graph of each statement kind, read back as paths of statement texts: a condition
 * reads `(x) true`, a switch `switch (v) case 1`, a preprocessor arm `#ifdef A`, a path that would go
 * round a loop again ends with `↺ <where it would re-enter>`.
 */

/** Every snippet built in this file, for the well-formedness sweep at the end. */
const built: Array<{ src: string; cfg: Cfg }> = [];

async function graph(src: string, language: Language = 'c'): Promise<Cfg> {
  const { cfg } = await cfgOf(src, language);
  built.push({ src, cfg });
  return cfg;
}

/** Kinds and labels of the edges leaving a node, without their targets. */
function edgeKinds(cfg: Cfg, id: number): string[] {
  return cfg.nodes[id].succ.map((e) => (e.label !== undefined ? `${e.kind}:${e.label}` : e.kind));
}

test('a sequence is one chain from entry to exit', async () => {
  const cfg = await graph('int f(void) { a(); int x = b(); x += 1; /* note */ c(x); }');
  assert.deepEqual(paths(cfg), ['a(); → int x = b(); → x += 1; → c(x); → exit']);
  assert.deepEqual(edgesOf(cfg, cfg.entry), ['seq -> a();']);
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, 'a();').id), ['seq -> int x = b();']);
  assert.equal(cfg.truncatedNesting, false);
});

test('if without else: the false edge goes straight to the next statement', async () => {
  const cfg = await graph('int f(void) { if (x) a(); b(); }');
  assert.deepEqual(paths(cfg), ['(x) true → a(); → b(); → exit', '(x) false → b(); → exit']);
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, '(x)').id), ['true -> a();', 'false -> b();']);
});

test('if/else and an else-if chain give one path per arm', async () => {
  const cfg = await graph('int f(void) { a(); if (x) { b(); } else if (y) c(); else { d(); } e(); }');
  assert.deepEqual(paths(cfg), [
    'a(); → (x) true → b(); → e(); → exit',
    'a(); → (x) false → (y) true → c(); → e(); → exit',
    'a(); → (x) false → (y) false → d(); → e(); → exit',
  ]);
  assert.equal(nodeWithText(cfg, '(y)').kind, 'cond');
});

test('while: the body loops back to the condition, continue re-tests it, false leaves', async () => {
  const cfg = await graph('int f(void) { while (i < n) { if (x) continue; a(); } b(); }');
  assert.deepEqual(paths(cfg), [
    '(i < n) true → (x) true → continue; → ↺ (i < n)',
    '(i < n) true → (x) false → a(); → ↺ (i < n)',
    '(i < n) false → b(); → exit',
  ]);
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, 'continue;').id), ['continue -> (i < n)']);
});

test('while (1) keeps its false edge (constants are the explorer\'s business)', async () => {
  const cfg = await graph('int f(void) { while (1) { a(); } b(); }');
  assert.deepEqual(edgeKinds(cfg, nodeWithText(cfg, '(1)').id), ['true', 'false']);
  assert.ok(reachesExit(cfg, 'a();'));
});

test('do-while: the body runs before the first test, continue goes to the test', async () => {
  const cfg = await graph('int f(void) { do { a(); if (x) continue; b(); } while (y); c(); }');
  assert.deepEqual(paths(cfg), [
    'a(); → (x) true → continue; → (y) true → ↺ a();',
    'a(); → (x) true → continue; → (y) false → c(); → exit',
    'a(); → (x) false → b(); → (y) true → ↺ a();',
    'a(); → (x) false → b(); → (y) false → c(); → exit',
  ]);
});

test('for with a condition: initializer once, continue goes to the update, then the test', async () => {
  const cfg = await graph('int f(void) { for (int i = 0; i < n; i++) { if (x) continue; a(); } b(); }');
  assert.deepEqual(paths(cfg), [
    'int i = 0; → i < n true → (x) true → continue; → i++ → ↺ i < n',
    'int i = 0; → i < n true → (x) false → a(); → i++ → ↺ i < n',
    'int i = 0; → i < n false → b(); → exit',
  ]);
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, 'continue;').id), ['continue -> i++']);
});

test('for without a condition is left only by break', async () => {
  const cfg = await graph('int f(void) { for (;;) { if (x) break; a(); } b(); }');
  assert.deepEqual(paths(cfg), [
    'loop-enter → (x) true → break; → b(); → exit',
    'loop-enter → (x) false → a(); → ↺ for (;;) { if (x) break; a(); }',
  ]);
  const loop = cfg.nodes.find((n) => n.kind === 'join' && n.ast?.type === 'for_statement');
  assert.ok(loop);
  assert.deepEqual(edgeKinds(cfg, loop.id), ['loop-enter'], 'no edge leaves the loop head');
});

test('for (;;) with no break never reaches the exit', async () => {
  const cfg = await graph('int f(void) { for (;;) a(); b(); }');
  assert.equal(reachable(cfg).has(cfg.exit), false);
  assert.equal(reachesExit(cfg, 'a();'), false);
  assert.ok(!reachableTexts(cfg).includes('b();'), 'b(); after an endless loop is dead');
});

test('C++ range-for: enter or leave at the loop head, break leaves', async () => {
  const cfg = await graph('int f(std::vector<int> v) { for (auto x : v) { if (x) break; g(x); } h(); }', 'cpp');
  assert.deepEqual(paths(cfg), [
    'loop-enter → (x) true → break; → h(); → exit',
    'loop-enter → (x) false → g(x); → ↺ for (auto x : v) { if (x) break; g(x); }',
    'loop-exit → h(); → exit',
  ]);
});

test('switch: case and default edges with their labels, fallthrough, break leaves the switch', async () => {
  const cfg = await graph('int f(int v) { switch (v) { case 1: a(); case 2: b(); break; default: c(); } d(); }');
  const sw = nodeWithText(cfg, '(v)');
  assert.equal(sw.kind, 'switch');
  assert.deepEqual(edgeKinds(cfg, sw.id), ['case:1', 'case:2', 'default:default']);
  // case 1 falls through into case 2 without going back to the switch.
  assert.ok(reachable(cfg, nodeWithText(cfg, 'a();').id).has(nodeWithText(cfg, 'b();').id));
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, 'break;').id), ['break -> d();']);
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, 'c();').id), ['seq -> d();']);
  assert.ok(!reachable(cfg, nodeWithText(cfg, 'b();').id).has(nodeWithText(cfg, 'c();').id), 'break keeps case 2 out of default');
});

test('switch without default: "no case matches" goes to the statement after the switch', async () => {
  const cfg = await graph('int f(int v) { switch (v) { case 1: a(); break; case 2: b(); } c(); }');
  const sw = nodeWithText(cfg, '(v)');
  assert.deepEqual(edgeKinds(cfg, sw.id), ['case:1', 'case:2', 'default:no case matches']);
  assert.deepEqual(edgesOf(cfg, sw.id).at(-1), 'default:no case matches -> c();');
});

test('break and continue in a switch inside a loop: break leaves the switch, continue the loop body', async () => {
  const cfg = await graph('int f(int v) { while (y) { switch (v) { case 1: continue; case 2: break; } a(); } }');
  const [cont] = nodesWithText(cfg, 'continue;');
  const [brk] = nodesWithText(cfg, 'break;');
  assert.deepEqual(edgesOf(cfg, cont.id), ['continue -> (y)']);
  assert.deepEqual(edgesOf(cfg, brk.id), ['break -> a();']);
});

test('switch paths read case by case, fallthrough included', async () => {
  const cfg = await graph('int f(int v) { switch (v) { case 1: a(); case 2: b(); break; default: c(); case 3: e(); } d(); }');
  assert.deepEqual(paths(cfg), [
    'switch (v) case 1 → a(); → b(); → break; → d(); → exit',
    'switch (v) case 2 → b(); → break; → d(); → exit',
    'switch (v) default → c(); → e(); → d(); → exit',
    'switch (v) case 3 → e(); → d(); → exit',
  ]);
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, '(v)').id)[0], 'case:1 -> a();');
});

test('goto forward: both paths meet at the label', async () => {
  const cfg = await graph('int f(void) { a(); if (x) goto out; b(); out: c(); return 0; }');
  assert.deepEqual(paths(cfg), [
    'a(); → (x) true → goto out; → out: → c(); → return 0; → exit',
    'a(); → (x) false → b(); → out: → c(); → return 0; → exit',
  ]);
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, 'goto out;').id), ['goto:out -> out:']);
});

test('goto backward makes a loop', async () => {
  const cfg = await graph('int f(void) { again: a(); if (x) goto again; b(); }');
  assert.deepEqual(paths(cfg), ['again: → a(); → (x) true → goto again; → ↺ again:', 'again: → a(); → (x) false → b(); → exit']);
});

test('a clean-up label after a return is reached only by goto', async () => {
  const cfg = await graph('int f(void) { if (!p) goto fail; use(p); return 0; fail: cleanup(); return -1; }');
  assert.deepEqual(paths(cfg), [
    '(!p) true → goto fail; → fail: → cleanup(); → return -1; → exit',
    '(!p) false → use(p); → return 0; → exit',
  ]);
  const label = nodeWithText(cfg, 'fail:');
  const into = cfg.nodes.filter((n) => n.succ.some((e) => e.to === label.id)).map((n) => n.kind);
  assert.deepEqual(into, ['goto']);
});

test('break and continue in nested loops bind to the innermost loop', async () => {
  const cfg = await graph('int f(void) { for (i = 0; i < n; i++) { while (y) { if (z) break; if (w) continue; a(); } if (v) break; } b(); }');
  assert.deepEqual(paths(cfg), [
    'i = 0 → i < n true → (y) true → (z) true → break; → (v) true → break; → b(); → exit',
    'i = 0 → i < n true → (y) true → (z) true → break; → (v) false → i++ → ↺ i < n',
    'i = 0 → i < n true → (y) true → (z) false → (w) true → continue; → ↺ (y)',
    'i = 0 → i < n true → (y) true → (z) false → (w) false → a(); → ↺ (y)',
    'i = 0 → i < n true → (y) false → (v) true → break; → b(); → exit',
    'i = 0 → i < n true → (y) false → (v) false → i++ → ↺ i < n',
    'i = 0 → i < n false → b(); → exit',
  ]);
});

test('return in the middle: what follows is in the graph but unreachable', async () => {
  const cfg = await graph('int f(void) { a(); if (x) return 1; b(); return 2; c(); }');
  assert.deepEqual(paths(cfg), ['a(); → (x) true → return 1; → exit', 'a(); → (x) false → b(); → return 2; → exit']);
  assert.equal(nodeWithText(cfg, 'c();').kind, 'stmt');
  assert.deepEqual(reachableTexts(cfg), ['(x)', 'a();', 'b();', 'return 1;', 'return 2;']);
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, 'return 1;').id), ['seq -> exit']);
});

test('__try/__except: the handler is an alternative path, __leave jumps past the handler', async () => {
  const cfg = await graph('int f(void) { __try { a(); if (x) __leave; b(); } __except (EXCEPTION_EXECUTE_HANDLER) { c(); } d(); }');
  assert.deepEqual(paths(cfg), [
    'a(); → (x) true → __leave; → d(); → exit',
    'a(); → (x) false → b(); → d(); → exit',
    'except → c(); → d(); → exit',
  ]);
  assert.deepEqual(edgesOf(cfg, nodeWithText(cfg, '__leave;').id), ['break:__leave -> d();']);
});

test('__try/__finally: the finally block runs after the body and after __leave', async () => {
  const cfg = await graph('int f(void) { __try { a(); if (x) __leave; b(); } __finally { c(); } d(); }');
  assert.deepEqual(paths(cfg), ['a(); → (x) true → __leave; → c(); → d(); → exit', 'a(); → (x) false → b(); → c(); → d(); → exit']);
});

// The finally block runs, then the function returns (the value is read after the block; see cfg.ts).
test('a return inside __try runs the __finally block on its way out', async () => {
  const cfg = await graph('int f(void) { __try { if (x) return 1; a(); } __finally { c(); } }');
  assert.deepEqual(paths(cfg), ['(x) true → c(); → return 1; → exit', '(x) false → a(); → c(); → exit']);
});

test('break and continue out of a __try leave through its __finally block', async () => {
  const cfg = await graph('int f(void) { while (w) { __try { if (x) break; if (y) continue; a(); } __finally { c(); } } z(); }');
  const all = paths(cfg, { maxVisits: 2 });
  assert.ok(all.includes('(w) true → (x) true → break; → c(); → z(); → exit'), all.join('\n'));
  assert.ok(all.some((p) => p.startsWith('(w) true → (x) false → (y) true → continue; → c(); → (w)')), all.join('\n'));
  assert.ok(!all.some((p) => /(break|continue); → (z\(\)|\(w\))/.test(p)), 'a break or continue skipped the __finally block');
});

test('nested __finally blocks run innermost first on a return; a return in a __finally runs only the outer ones', async () => {
  const cfg = await graph('int f(void) { __try { __try { if (x) return 1; } __finally { c(); if (y) return 2; } } __finally { d(); } e(); }');
  assert.deepEqual(paths(cfg), [
    '(x) true → c(); → (y) true → d(); → return 2; → exit',
    '(x) true → c(); → (y) false → d(); → return 1; → exit',
    '(x) false → c(); → (y) true → d(); → return 2; → exit',
    '(x) false → c(); → (y) false → d(); → e(); → exit',
  ]);
});

test('C++ try/catch: each catch clause is an alternative path that continues after the try', async () => {
  const cfg = await graph('int f(void) { try { a(); b(); } catch (const E& e) { c(); } catch (...) { d(); } e(); }', 'cpp');
  assert.deepEqual(paths(cfg), ['a(); → b(); → e(); → exit', 'catch → c(); → e(); → exit', 'catch → d(); → e(); → exit']);
  const join = cfg.nodes.find((n) => n.kind === 'join' && n.ast?.type === 'try_statement');
  assert.ok(join);
  assert.deepEqual(edgeKinds(cfg, join.id), ['seq', 'catch', 'catch']);
});

test('C++ condition_clause: the declaration in the condition is the decision', async () => {
  const cfg = await graph('int f(void) { if (int r = q()) { return r; } z(); }', 'cpp');
  assert.deepEqual(paths(cfg), ['(int r = q()) true → return r; → exit', '(int r = q()) false → z(); → exit']);
  assert.equal(nodeWithText(cfg, '(int r = q())').ast?.type, 'condition_clause');
});

const IFDEF_BODY = `int f(void) {
#ifdef A
  a();
#elif defined(B)
  b();
#else
  c();
#endif
  d();
#if X
  e();
#endif
}`;

test('#ifdef/#elif/#else inside a body: every arm is reachable through labelled ifdef edges', async () => {
  const cfg = await graph(IFDEF_BODY);
  const joins = cfg.nodes.filter((n) => n.kind === 'join' && reachable(cfg).has(n.id));
  const labels = [...new Set(joins.map((j) => edgeKinds(cfg, j.id).join(' | ')))].sort();
  assert.deepEqual(labels, ['ifdef:#elif defined(B) | ifdef:#else', 'ifdef:#else', 'ifdef:#if X | ifdef:not #if X', 'ifdef:#ifdef A | ifdef:#elif']);
  for (const s of ['a();', 'b();', 'c();', 'e();']) assert.ok(reachableTexts(cfg).includes(s), s);
  assert.ok(reachesExit(cfg, 'a();'));
  // Without #else, "not #if X" skips the arm.
  const ifX = joins.find((j) => j.succ[0]?.label === '#if X');
  assert.ok(ifX);
  assert.equal(edgesOf(cfg, ifX.id)[1], 'ifdef:not #if X -> exit');
});

test('#ifdef arms are alternatives: no path runs two arms, the condition is not a statement', async () => {
  const cfg = await graph(IFDEF_BODY);
  assert.deepEqual(paths(cfg), [
    '#ifdef A → a(); → d(); → #if X → e(); → exit',
    '#ifdef A → a(); → d(); → not #if X → exit',
    '#elif → #elif defined(B) → b(); → d(); → #if X → e(); → exit',
    '#elif → #elif defined(B) → b(); → d(); → not #if X → exit',
    '#elif → #else → #else → c(); → d(); → #if X → e(); → exit',
    '#elif → #else → #else → c(); → d(); → not #if X → exit',
  ]);
});

function nestedIfs(depth: number): string {
  return `int f(void) { ${'if (x) { '.repeat(depth)}a(); ${'} '.repeat(depth)}b(); }`;
}

test('nesting within the cap is built in full', async () => {
  const cfg = await graph(nestedIfs(100));
  assert.equal(cfg.truncatedNesting, false);
  assert.equal(nodesWithText(cfg, '(x)').length, 100);
  assert.equal(paths(cfg).length, 101);
});

test('nesting deeper than the cap is kept as one opaque statement and reported', async () => {
  const depth = 260;
  const cfg = await graph(nestedIfs(depth));
  assert.equal(cfg.truncatedNesting, true);
  const conds = nodesWithText(cfg, '(x)').length;
  assert.ok(conds > 0 && conds < depth, `expected fewer than ${depth} decisions, got ${conds}`);
  const opaque = cfg.nodes.filter((n) => n.kind === 'stmt' && n.ast && n.ast.descendantsOfType('if_statement').length > 0);
  assert.equal(opaque.length, 1, 'one statement stands for the whole deeper subtree');
  assert.ok(opaque[0].ast!.text.includes('a();'));
  assert.ok(reachesExit(cfg, 'b();'));
  assert.ok(reachable(cfg, opaque[0].id).has(cfg.exit));
  assert.equal(paths(cfg).length, conds + 1);
});

// Runs last (node:test runs a file's tests in order): every graph built above.
test('every path from the entry ends at the exit or goes round a loop', () => {
  assert.ok(built.length >= 20, `only ${built.length} graphs were built`);
  for (const { src, cfg } of built) {
    assert.deepEqual(deadEnds(cfg), [], `dead end in ${src}`);
    const all = paths(cfg, { maxVisits: 2, maxPaths: 5000 });
    assert.ok(all.length > 0, src);
    for (const p of all) assert.ok(p.endsWith('→ exit') || p === 'exit' || /↺ [^→]*$/.test(p), `${src}\n  path: ${p}`);
    for (const n of cfg.nodes) for (const e of n.succ) assert.ok(e.to >= 0 && e.to < cfg.nodes.length, `edge to nowhere in ${src}`);
    assert.equal(cfg.nodes[cfg.exit].succ.length, 0, 'the exit has no successors');
  }
});
