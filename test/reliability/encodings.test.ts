/**
 * Files in UTF-8 (LF, CRLF, BOM), UTF-16 LE/BE with BOM, Windows-1252 and with GBK comments: analysed
 * without error by the CLI and the language server, the finding on exactly its token (LSP positions in
 * UTF-16 code units), and `wsplint fix --write` / the server's fix-all produce exactly the fixed file:
 * same encoding, same line endings, every byte outside the fixed statements as it was.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Position } from 'vscode-languageserver-protocol';
import { applyTextEdits, TestClient, uriOf } from '../lsp/lsp-client';
import { parseJson, tempDir, wsplint } from '../cli/helpers';
import { encodingVariants, TOKEN, TOKEN_LINE } from './encoding-variants';

const variants = encodingVariants();

interface JsonFinding {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function offsetOf(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return -1;
    i = nl + 1;
    line++;
  }
  return i + p.character;
}

for (const v of variants) {
  test(`CLI, ${v.name}: the finding sits on its token; fix --write gives exactly the fixed bytes`, () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'provider.c');
      writeFileSync(file, v.bytes);
      const check = wsplint(['check', '--format', 'json', 'provider.c'], dir);
      assert.equal(check.code, 1, check.stderr);
      assert.equal(check.stderr, '', 'no file skipped, no warning');
      const findings = parseJson<{ findings: JsonFinding[] }>(check.stdout).findings;
      assert.deepEqual(findings.map((f) => f.rule).sort(), ['callee-len-not-set', 'non-wsa-error']);
      const f = findings.find((x) => x.rule === 'non-wsa-error') as JsonFinding;
      // Columns count UTF-16 units of the decoded text; a GBK file is read as Windows-1252 (one byte, one
      // character: docs/reliability.md), so there they count bytes.
      const decoded = v.name.startsWith('gbk') ? Buffer.from(v.bytes).toString('latin1') : v.text;
      const line = decoded.split('\n')[TOKEN_LINE];
      assert.equal(f.line, TOKEN_LINE + 1);
      assert.equal(line.slice(f.column - 1, f.endColumn - 1), TOKEN, `column ${f.column}-${f.endColumn} of ${JSON.stringify(line)}`);

      const diff = wsplint(['fix', 'provider.c'], dir);
      assert.equal(diff.code, 1, diff.stderr);
      assert.match(diff.stdout, /^--- a\/provider\.c\n\+\+\+ b\/provider\.c\n@@ /);
      assert.match(diff.stdout, /^\+.*\*lpErrno = WSAECONNREFUSED;/m);
      assert.deepEqual(new Uint8Array(readFileSync(file)), v.bytes, 'without --write the file is left alone');

      const write = wsplint(['fix', '--write', 'provider.c'], dir);
      assert.equal(write.code, 0, write.stderr);
      assert.match(write.stderr, /applied 2 fixes in 1 file/);
      const out = new Uint8Array(readFileSync(file));
      assert.deepEqual(Buffer.from(out).toString('hex'), Buffer.from(v.fixedBytes).toString('hex'));

      const again = wsplint(['fix', 'provider.c'], dir);
      assert.equal(again.code, 0, `a second fix finds nothing: ${again.stdout}`);
      assert.equal(again.stdout, '');
    } finally {
      cleanup();
    }
  });
}

let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

for (const v of variants) {
  test(`language server, ${v.name} as the editor decodes it: range on the token in UTF-16 units, fix-all exact`, async () => {
    const uri = uriOf(`encoding-${v.name.replace(/\W+/g, '-')}.c`);
    await client.open(uri, v.text);
    const diags = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'non-wsa-error'));
    const d = diags.find((x) => x.code === 'non-wsa-error');
    assert.ok(d);
    assert.equal(d.range.start.line, TOKEN_LINE);
    assert.equal(v.text.slice(offsetOf(v.text, d.range.start), offsetOf(v.text, d.range.end)), TOKEN, JSON.stringify(d.range));
    const actions = await client.codeActions(uri, d.range, diags, ['source.fixAll.wsplint']);
    assert.equal(actions.length, 1);
    const resolved: CodeAction = actions[0].edit ? actions[0] : await client.resolve(actions[0]);
    const fixed = applyTextEdits(v.text, resolved.edit?.changes?.[uri] ?? []);
    assert.equal(fixed, v.fixedText);
    await client.close(uri);
  });
}
