/** The "Insert Snippet" template is a snippet the runtime runs, and the server offers lenses above it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNIPPET_TEMPLATE, templateText } from '../../client/src/snippet-template';
import { runSource } from '../../runtime/src';
import { findSnippetSites } from '../../server/src/lsp/snippet-sites';

test('placeholders resolve to plain C', () => {
  const c = templateText();
  assert.doesNotMatch(c, /\$\{|\$0/);
  assert.match(c, /^\/\/ wsplint:snippet\nvoid refused_connect\(void\)\n/);
  assert.match(SNIPPET_TEMPLATE, /\$\{1:refused_connect\}/);
});

test('the template runs on the simulated stack: a refused connect, and what it printed', async () => {
  const report = await runSource(templateText(), { stack: 'simulated' });
  const [s] = report.snippets;
  assert.equal(s.error, null);
  assert.deepEqual(
    s.calls.map((c) => [c.call, c.error]),
    [
      ['socket', null],
      ['connect', 'WSAECONNREFUSED'],
      ['WSAGetLastError', 'WSAECONNREFUSED'],
      ['closesocket', null],
    ],
  );
  assert.deepEqual(s.output, ['connect returned -1, error 10061']);
});

test('inserted into a file, it is a snippet site', () => {
  const text = `int helper(void) { return 0; }\n\n${templateText()}`;
  assert.deepEqual(findSnippetSites(text).map((s) => s.name), ['refused_connect']);
});
