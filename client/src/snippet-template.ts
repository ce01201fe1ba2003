/**
 * The snippet the "Insert Snippet" command puts at the cursor, in VS Code's snippet syntax (`${1:name}`
 * placeholders). A refused loopback connect: it runs on every stack (simulated, host, Winsock) and
 * shows a failing call, its code and the printed output. No vscode import, so a test can run it.
 */
export const SNIPPET_TEMPLATE = [
  '// wsplint:snippet',
  'void ${1:refused_connect}(void)',
  '{',
  '    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);',
  '    struct sockaddr_in addr;',
  '    memset(&addr, 0, sizeof(addr));',
  '    addr.sin_family = AF_INET;',
  '    addr.sin_port = htons(${2:9});',
  '    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);',
  '    int rc = connect(s, (struct sockaddr *)&addr, sizeof(addr));',
  '    printf("connect returned %d, error %d\\n", rc, WSAGetLastError());',
  '    $0',
  '    closesocket(s);',
  '}',
  '',
].join('\n');

/** The template as plain C, each placeholder replaced by its default text. */
export function templateText(template: string = SNIPPET_TEMPLATE): string {
  return template
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/^[ \t]*\$0\n/m, '')
    .replace(/\$0/g, '');
}
