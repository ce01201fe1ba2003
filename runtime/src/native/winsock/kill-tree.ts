/**
 * Kills a process and everything it started. A compiled snippet is native code: at its time limit it may
 * have started processes of its own (a shell, a helper, Wine's processes for CreateProcess), and killing
 * only the direct child would leave those running. Off Windows, the tree is read from /proc, stopped
 * (so nothing new is forked meanwhile) and then killed; on Windows, taskkill /T does the same.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every process, from /proc (empty where there is no /proc). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // Fields after "(comm)": state, ppid, ...; comm itself may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(e), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** `pid` and its descendants, parents first. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const [p, pp] of parents()) children.set(pp, [...(children.get(pp) ?? []), p]);
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

export function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return;
  }
  const seen = new Set<number>();
  // Stop first, a few passes: a process forked between reading the tree and stopping its parent is
  // caught by the next pass.
  for (let pass = 0; pass < 3; pass++) {
    const tree = processTree(pid).filter((p) => !seen.has(p));
    if (tree.length === 0 && pass > 0) break;
    for (const p of tree) {
      seen.add(p);
      signal(p, 'SIGSTOP');
    }
  }
  seen.add(pid);
  for (const p of seen) signal(p, 'SIGKILL');
}
