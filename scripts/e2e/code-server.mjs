// Starts code-server on a free loopback port in its own process group with a fresh user-data and
// extensions dir, and stops it together with everything it started (extension host, language server).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Environment for code-server and chromium: nothing written under the real home folder, no leaked VS Code state. */
export function isolatedEnv(dirs, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k.startsWith('npm_')) continue;
    env[k] = v;
  }
  return {
    ...env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    XDG_RUNTIME_DIR: join(dirs.home, '.runtime'),
    ...extra,
  };
}

/** Settings that keep the workbench quiet and deterministic for tests. */
export function writeUserSettings(userDataDir) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'editor.codeLens': true,
    'editor.inlayHints.enabled': 'on',
    'editor.hover.delay': 100,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

function baseArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

export function installExtension(bin, dirs, env, vsix) {
  const r = spawnSync(bin, [...baseArgs(dirs), '--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || !/successfully installed|already installed/i.test(out)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status ?? r.signal}):\n${out}`);
  }
  const installed = readdirSync(dirs.extensions).filter((n) => !n.startsWith('.') && n !== 'extensions.json');
  return { message: out.split('\n').pop(), installed };
}

function descendants(rootPid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  const out = [];
  const stack = [rootPid];
  while (stack.length) for (const c of children.get(stack.pop()) ?? []) out.push(c), stack.push(c);
  return out;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killAll(pid, pids, signal) {
  try {
    process.kill(-pid, signal); // the whole process group (the server was started as its leader)
  } catch {
    // Already gone.
  }
  for (const p of pids) {
    try {
      process.kill(p, signal); // children that moved to a group of their own
    } catch {
      // Already gone.
    }
  }
}

/** Starts the server; its stop() is handed to onCleanup as soon as the process exists. */
export async function startCodeServer({ bin, port, dirs, env, workspace, logFile, log, signal, onCleanup }) {
  const fd = openSync(logFile, 'a');
  const args = [
    ...baseArgs(dirs),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    workspace,
  ];
  // detached: setsid(), so the server leads a new process group that stop() can signal as a whole.
  const proc = spawn(bin, args, { env, detached: true, stdio: ['ignore', fd, fd] });
  let exited = null;
  proc.on('exit', (code, signal) => (exited = { code, signal }));
  const stopSync = () => killAll(proc.pid, descendants(proc.pid), 'SIGKILL');
  process.on('exit', stopSync);

  const stop = async () => {
    process.off('exit', stopSync);
    if (!alive(proc.pid) && exited) return;
    const pids = descendants(proc.pid);
    killAll(proc.pid, pids, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && [proc.pid, ...pids].some(alive)) await new Promise((r) => setTimeout(r, 100));
    const left = [proc.pid, ...pids].filter(alive);
    if (left.length) {
      log(`code-server: ${left.length} process(es) ignored SIGTERM; sending SIGKILL`);
      killAll(proc.pid, left, 'SIGKILL');
    }
  };

  onCleanup(stop);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    signal.throwIfAborted();
    if (exited) throw new Error(`code-server exited during start-up (${JSON.stringify(exited)}); see its log`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Error(`code-server did not answer ${base}/healthz within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, pid: proc.pid, stop };
}
