/**
 * Workspace-wide summaries through the server: a helper defined in another (unopened) file of the
 * workspace is known, so a path through it is judged by what it does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReanalyzeWorkspaceRequest } from '../../server/src/lsp/protocol';
import { TestClient } from './lsp-client';

const CONNECT = `#include <ws2spi.h>
int FailWith(LPINT lpErrno);

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
                      LPQOS lpGQOS, LPINT lpErrno)
{
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (s == INVALID_SOCKET) {
        return FailWith(lpErrno);
    }
    if (lpCalleeData != NULL) {
        lpCalleeData->len = 0;
    }
    return 0;
}
`;
const HELPER_SETS = 'int FailWith(LPINT lpErrno)\n{\n    *lpErrno = WSAENOTSOCK;\n    return SOCKET_ERROR;\n}\n';
const HELPER_FORGETS = 'int FailWith(LPINT lpErrno)\n{\n    (void)lpErrno;\n    return SOCKET_ERROR;\n}\n';

async function errnoFindings(helper: string): Promise<{ codes: string[]; log: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'wsplint-ws-'));
  writeFileSync(join(root, 'connect.c'), CONNECT);
  writeFileSync(join(root, 'helpers.c'), helper);
  const c = await TestClient.start({ workspaceFolder: root });
  try {
    const uri = pathToFileURL(join(root, 'connect.c')).href;
    // Wait for the scan, so the first analysis already knows the helper.
    for (let i = 0; i < 100 && !c.log.some((l) => l.includes('workspace scan:')); i++) await new Promise((r) => setTimeout(r, 50));
    await c.open(uri, CONNECT);
    const diags = await c.diagnostics(uri);
    // The extension's "re-analyse workspace" command: rescan, then every open document again.
    const re = await c.connection.sendRequest(ReanalyzeWorkspaceRequest);
    assert.deepEqual(re, { workspaceFiles: 2, documents: 1 });
    // The scan reports progress the user can cancel.
    assert.deepEqual(c.progress.filter((p) => p.kind !== 'report').slice(0, 2).map((p) => [p.kind, p.cancellable ?? null]), [['begin', true], ['end', null]]);
    return { codes: diags.map((d) => String(d.code)), log: c.log };
  } finally {
    await c.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

test('a helper in another workspace file that writes *lpErrno: no finding; one that does not: errno-not-set', async () => {
  const good = await errnoFindings(HELPER_SETS);
  assert.ok(good.log.some((l) => /workspace scan: 2 files/.test(l)), good.log.join('\n'));
  assert.deepEqual(good.codes.filter((c) => c === 'errno-not-set'), []);
  const bad = await errnoFindings(HELPER_FORGETS);
  assert.deepEqual(bad.codes.filter((c) => c === 'errno-not-set'), ['errno-not-set']);
});

test('changing a scan setting rescans the workspace with it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'wsplint-ws-'));
  writeFileSync(join(root, 'connect.c'), CONNECT);
  writeFileSync(join(root, 'helpers.c'), HELPER_SETS);
  const c = await TestClient.start({ workspaceFolder: root });
  try {
    const scans = (): string[] => c.log.filter((l) => l.includes('workspace scan:'));
    for (let i = 0; i < 100 && scans().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(scans()[0] ?? '', /workspace scan: 2 files/);
    await c.configure({ maxFiles: 1 });
    for (let i = 0; i < 100 && scans().length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(scans()[1] ?? '', /workspace scan: 1 files .*\(stopped at 1 files \(wsplint\.maxFiles\)\)/);
    // A change that does not shape the scan does not rescan.
    await c.configure({ maxFiles: 1, severity: { 'errno-not-set': 'warning' } });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(scans().length, 2);
  } finally {
    await c.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
