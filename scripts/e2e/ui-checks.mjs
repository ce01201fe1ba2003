// What a person sees in the workbench page: the squiggle, its hover and the Problems row for a known
// violation, the lens above a snippet and the inline result after clicking Run. Screenshots go to
// test/e2e/out/. Each check records into the tally and never throws.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const WAIT = 60_000;

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
}

/** 1-based number of the first line of a fixture that contains `text`. */
function lineNumber(fixturesDir, file, text) {
  const i = readFileSync(join(fixturesDir, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`"${text}" not in ${file}`);
  return i + 1;
}

/** Go to Line (Ctrl+G): the editor scrolls the line into view, so it is rendered. */
async function revealLine(page, n) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`:${n}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 15_000 });
}

/** The rendered editor line containing `text` (reveal it first: the editor renders only what is in view). */
function viewLine(page, text) {
  return page.locator('.monaco-editor .view-lines .view-line', { hasText: text }).first();
}

/**
 * What a person reads on a rendered line: its text (inlay hints are text in the line) plus the CSS
 * content of ::before/::after (decorations' attachments are rendered that way).
 */
async function renderedText(line) {
  return line.evaluate((el) => {
    const parts = [];
    for (const node of [el, ...el.querySelectorAll('*')]) {
      const before = getComputedStyle(node, '::before').content;
      if (before && before !== 'none' && before !== 'normal') parts.push(before.replace(/^"|"$/g, ''));
      if (node.childNodes.length && [...node.childNodes].every((c) => c.nodeType === Node.TEXT_NODE)) parts.push(node.textContent ?? '');
      const after = getComputedStyle(node, '::after').content;
      if (after && after !== 'none' && after !== 'normal') parts.push(after.replace(/^"|"$/g, ''));
    }
    return parts.join('').replace(/\u00a0/g, ' ');
  });
}

async function box(locator, what) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${what} is not visible`);
  return b;
}

/** Squiggles whose vertical middle falls inside the given line's box. */
async function squigglesOnLine(page, lineBox, cls) {
  const boxes = await page.locator(`.monaco-editor .view-overlays .${cls}`).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return boxes.filter((b) => b.y + b.height / 2 >= lineBox.y && b.y + b.height / 2 <= lineBox.y + lineBox.height && b.width > 0);
}

async function waitUntil(what, probe, timeoutMs = WAIT) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** tally.check, plus a screenshot of the page when the check fails (failed-<n>.png). */
function checker(page, outDir, tally) {
  let failures = 0;
  return async (title, fn) => {
    const ok = await tally.check(title, fn);
    if (!ok && tally.failed.at(-1)?.title === title) {
      const file = join(outDir, `failed-${++failures}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      console.log(`      screenshot: ${file}`);
    }
    return ok;
  };
}

export async function uiChecks({ context, url, fixturesDir, outDir, tally, pending, log }) {
  const page = await context.newPage();
  const check = checker(page, outDir, tally);
  page.on('pageerror', (e) => log(`[page error] ${e.message}`));
  await page.goto(url);
  const ready = await check('ui: the workbench opens the fixture folder', async () => {
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'errno-not-set.c' }).waitFor({ timeout: WAIT });
  });
  if (!ready) return;

  let squiggle;
  await check('ui: a red squiggle under the bare return SOCKET_ERROR in errno-not-set.c', async () => {
    await openFile(page, 'errno-not-set.c');
    await revealLine(page, lineNumber(fixturesDir, 'errno-not-set.c', 'expect: errno-not-set'));
    const line = viewLine(page, 'expect: errno-not-set');
    const lineBox = await box(line, 'the line of the bare return');
    const found = await waitUntil('a .squiggly-error on that line', async () => {
      const on = await squigglesOnLine(page, lineBox, 'squiggly-error');
      return on.length ? on : undefined;
    });
    squiggle = found[0];
    const others = await page.locator('.monaco-editor .view-overlays .squiggly-error').count();
    if (others !== found.length) throw new Error(`${others} error squiggles in the file, ${found.length} on the annotated line`);
    await page.screenshot({ path: join(outDir, 'squiggle.png') });
  });

  await check('ui: hovering the squiggle shows the finding with wsplint(errno-not-set)', async () => {
    if (!squiggle) throw new Error('no squiggle to hover');
    await page.mouse.move(squiggle.x + Math.min(squiggle.width / 2, 20), squiggle.y + squiggle.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'errno-not-set' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await hover.innerText();
    if (!/wsplint/.test(text)) throw new Error(`hover does not name the source: ${text}`);
    await page.screenshot({ path: join(outDir, 'hover.png') });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  await check('ui: the Problems panel lists the finding', async () => {
    await page.keyboard.press('Control+Shift+M');
    // The marker row, not the file row above it: it names the source and the code.
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'wsplint' }).filter({ hasText: 'errno-not-set' }).first();
    await row.waitFor({ timeout: 20_000 });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    const n = lineNumber(fixturesDir, 'errno-not-set.c', 'expect: errno-not-set');
    if (!new RegExp(`Ln\\s*${n}\\b`).test(text)) throw new Error(`Problems row is not at line ${n}: ${text}`);
    await page.screenshot({ path: join(outDir, 'problems.png') });
  });

  await lensChecks({ page, fixturesDir, outDir, check, pending });
  await page.close();
}

async function lensChecks({ page, fixturesDir, outDir, check, pending }) {
  let lens;
  await check('ui: the "Run (simulated)" lens above the snippet in snippet.c', async () => {
    await openFile(page, 'snippet.c');
    await revealLine(page, lineNumber(fixturesDir, 'snippet.c', '// wsplint:snippet'));
    const runLens = page.locator('.codelens-decoration a', { hasText: 'Run (simulated)' }).first();
    try {
      await runLens.waitFor({ state: 'visible', timeout: pending ? 10_000 : WAIT });
    } catch (e) {
      await page.screenshot({ path: join(outDir, 'lens.png') });
      if (pending) return { skip: `${pending} (no lens rendered)` };
      throw e;
    }
    if (pending) throw new Error('the Run lens is rendered now: remove "run-lens" from test/e2e/pending.json so its checks must pass');
    const lensBox = await box(runLens, 'the lens');
    const fnBox = await box(viewLine(page, 'void refused_connect(void)'), 'the snippet function line');
    const markerBox = await box(viewLine(page, '// wsplint:snippet'), 'the snippet marker line');
    if (!(lensBox.y < fnBox.y && lensBox.y >= markerBox.y - 2 * markerBox.height)) {
      throw new Error(`lens at y=${lensBox.y}, marker line at y=${markerBox.y}, function at y=${fnBox.y}`);
    }
    await page.screenshot({ path: join(outDir, 'lens.png') });
    lens = runLens;
  });

  await check('ui: clicking Run shows the refused connect inline, at the end of its line', async () => {
    if (!lens) return pending ? { skip: `${pending}` } : Promise.reject(new Error('no Run lens to click'));
    await lens.click();
    const line = viewLine(page, '= connect(');
    await waitUntil('SOCKET_ERROR · WSAECONNREFUSED on the connect line', async () => {
      const text = await renderedText(line);
      return /SOCKET_ERROR.*WSAECONNREFUSED|WSAECONNREFUSED.*10061/.test(text) ? text : undefined;
    });
    await page.screenshot({ path: join(outDir, 'run-result.png') });
  });
}
