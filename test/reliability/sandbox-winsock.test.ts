/**
 * The compiled (winsock) stack's sandbox duties, with a stand-in toolchain so they are tested on any
 * machine: the program is killed at its time limit together with every process it started, and the
 * temporary folder the harness runs in is removed: after a normal run, a compile failure, a timeout, and
 * (on the next run) after a process that was killed before it could clean up.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import { cParser } from '../../runtime/src/interp/parser';
import { scanSnippets, type SnippetInfo } from '../../runtime/src/interp/snippets';
import type { Toolchain } from '../../runtime/src/native/winsock/toolchain';
import { WinsockRunner } from '../../runtime/src/native/winsock/winsock-runner';
import { snippet } from './sandbox-snippets';

let work: string;
let runTmp: string;
let savedTmp: string | undefined;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'wsplint-sandbox-winsock-'));
  runTmp = join(work, 'tmp');
  mkdirSync(runTmp);
  savedTmp = process.env.TMPDIR;
  // The runner makes its folders under os.tmpdir(), which reads TMPDIR: here, a folder this test watches.
  process.env.TMPDIR = runTmp;
});
after(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(work, { recursive: true, force: true });
});

/**
 * A "compiler" that writes a shell script as the program. `mode` picks what the program does: print the
 * harness's start record and then start two long sleeps and wait (a program that never ends and has
 * children), or end at once, or fail to compile.
 */
function fakeToolchain(mode: 'hang' | 'quick' | 'no-compile'): { tc: Toolchain; pidFile: string } {
  const dir = mkdtempSync(join(work, 'tc-'));
  const pidFile = join(dir, 'pids');
  const program =
    mode === 'hang'
      ? `#!/bin/sh\necho '@@wsplint {"t":"env"}'\nsleep 300 &\necho $! >> "${pidFile}"\nsleep 300 &\necho $! >> "${pidFile}"\nwait\n`
      : `#!/bin/sh\necho '@@wsplint {"t":"env"}'\nexit 0\n`;
  const cc = join(dir, 'fake-cc');
  writeFileSync(
    cc,
    mode === 'no-compile'
      ? '#!/bin/sh\necho "harness.c:1: error: nope" >&2\nexit 1\n'
      : `#!/bin/sh\nout=""\nwhile [ $# -gt 0 ]; do if [ "$1" = "-o" ]; then out="$2"; fi; shift; done\ncat > "$out" <<'PROGRAM'\n${program}PROGRAM\nchmod +x "$out"\n`,
  );
  chmodSync(cc, 0o755);
  const env = { PATH: process.env.PATH, XDG_CACHE_HOME: join(dir, 'cache') };
  return { tc: { compilerKind: 'gcc', compiler: cc, wine: null, env, platform: 'windows' }, pidFile };
}

async function info(source: string): Promise<SnippetInfo> {
  const parser = await cParser();
  const tree = parser.parse(source) as Tree;
  return scanSnippets(tree.rootNode).snippets[0];
}

const SOURCE = snippet('hangs', '    Sleep(1000000);');
const runDirs = (): string[] => readdirSync(runTmp).filter((n) => n.startsWith('wsplint-winsock-'));

/** Running, that is: a killed process whose parent is gone may stay a zombie (state Z) until reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

test('at its time limit the program is killed with every process it started, and its folder is removed', async () => {
  const { tc, pidFile } = fakeToolchain('hang');
  const runner = new WinsockRunner({ toolchain: tc, limitMs: 800 });
  const t0 = Date.now();
  const r = await runner.run(SOURCE, await info(SOURCE), 'spec');
  assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms`);
  assert.match(r.error ?? '', /800 ms/, r.error ?? '');
  const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
  assert.equal(pids.length, 2);
  await new Promise((res) => setTimeout(res, 200));
  for (const pid of pids) assert.equal(alive(pid), false, `process ${pid}, started by the program, still runs`);
  assert.deepEqual(runDirs(), []);
});

test('the folder is removed after a normal run and after a compile failure', async () => {
  const quick = new WinsockRunner({ toolchain: fakeToolchain('quick').tc, limitMs: 5000 });
  await quick.run(SOURCE, await info(SOURCE), 'spec');
  assert.deepEqual(runDirs(), []);
  const broken = new WinsockRunner({ toolchain: fakeToolchain('no-compile').tc, limitMs: 5000 });
  const r = await broken.run(SOURCE, await info(SOURCE), 'spec');
  assert.match(r.error ?? '', /does not compile/);
  assert.deepEqual(runDirs(), []);
});

test('a folder left by a process killed before cleaning up is removed by the next run; a live one is kept', async () => {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const deadPid = Number(gone.stdout);
  const stale = join(runTmp, `wsplint-winsock-${deadPid}-abc123`);
  mkdirSync(stale);
  writeFileSync(join(stale, 'snippet.exe'), 'left behind');
  const live = join(runTmp, `wsplint-winsock-${process.ppid}-keep00`);
  mkdirSync(live);
  const runner = new WinsockRunner({ toolchain: fakeToolchain('quick').tc, limitMs: 5000 });
  await runner.run(SOURCE, await info(SOURCE), 'spec');
  assert.equal(existsSync(stale), false, 'the stale folder is gone');
  assert.equal(existsSync(live), true, "a running process's folder is left alone");
  rmSync(live, { recursive: true });
});
