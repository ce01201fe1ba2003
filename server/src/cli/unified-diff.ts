/**
 * A unified diff (`diff -u` / `git diff` shape) of two texts, line by line, with 3 lines of context.
 * The line diff is Myers' O(ND) algorithm; a fix touches few lines, so D stays small. Lines keep their
 * terminators while compared, so a line-ending change shows as a changed line.
 */

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Above this many changed lines the middle is shown as removed and added whole (Myers' cost is D^2). */
const MAX_EDIT_DISTANCE = 4000;

/** The edit script from `a` to `b`: common head and tail, then Myers' algorithm on the middle. */
function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (lines: string[]): Op[] => lines.map((line) => ({ kind: ' ', line }));
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // trace[d][k + d] is the furthest x on diagonal k after round d (only diagonals -d..d exist then).
  const trace: Int32Array[] = [];
  let prev = new Int32Array(1);
  let done = -1;
  for (let d = 0; d <= Math.min(n + m, MAX_EDIT_DISTANCE); d++) {
    const cur = new Int32Array(2 * d + 1);
    const at = (k: number): number => prev[k + d - 1];
    for (let k = -d; k <= d; k += 2) {
      let x = d === 0 ? 0 : k === -d || (k !== d && at(k - 1) < at(k + 1)) ? at(k + 1) : at(k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      cur[k + d] = x;
      if (x >= n && y >= m) done = d;
    }
    trace.push(cur);
    prev = cur;
    if (done >= 0) break;
  }
  if (done < 0) return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = done; d > 0; d--) {
    const before = trace[d - 1];
    const at = (k: number): number => before[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    while (x > startX) {
      ops.push({ kind: ' ', line: a[x - 1] });
      x--;
      y--;
    }
    if (down) ops.push({ kind: '+', line: b[prevY] });
    else ops.push({ kind: '-', line: a[prevX] });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[x - 1] });
    x--;
    y--;
  }
  return ops.reverse();
}

function show(op: Op): string {
  const body = op.line.endsWith('\n') ? op.line.slice(0, -1) : op.line;
  return `${op.kind}${body}\n${op.line.endsWith('\n') ? '' : '\\ No newline at end of file\n'}`;
}

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  // Hunks: runs of changes with up to `context` unchanged lines around, merged when close.
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === ' ') i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - context);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let same = 0;
      while (end + same < ops.length && ops[end + same].kind === ' ') same++;
      if (end + same < ops.length && same <= 2 * context) end += same;
      else {
        end = Math.min(ops.length, end + Math.min(same, context));
        break;
      }
    }
    let oldLine = 1;
    let newLine = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j].kind !== '+') oldLine++;
      if (ops[j].kind !== '-') newLine++;
    }
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out += `@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@\n`;
    out += hunk.map(show).join('');
    i = end;
    start = end;
  }
  return out;
}
