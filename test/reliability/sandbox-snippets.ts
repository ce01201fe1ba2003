/** Snippets that try to get out of the sandbox or use it up, for the sandbox tests. */
export const snippet = (name: string, body: string, head = ''): string =>
  `#include <winsock2.h>\n${head}\n// wsplint:snippet ${name}\nvoid ${name}(void)\n{\n${body}\n}\n`;

/** Each tries to reach the file system, another process or the loader: none may be callable. */
export const ESCAPES: Record<string, string> = {
  fopen: '    FILE *f = fopen("/etc/passwd", "r");',
  open: '    int fd = open("/etc/passwd", 0);',
  CreateFileA: '    HANDLE h = CreateFileA("C:\\\\Windows\\\\win.ini", 0, 0, NULL, 3, 0, NULL);',
  DeleteFileA: '    DeleteFileA("important.txt");',
  remove: '    remove("important.txt");',
  system: '    system("touch /tmp/wsplint-escaped");',
  popen: '    popen("id", "r");',
  CreateProcessA: '    CreateProcessA(NULL, "calc.exe", NULL, NULL, 0, 0, NULL, NULL, NULL, NULL);',
  WinExec: '    WinExec("calc.exe", 1);',
  ShellExecuteA: '    ShellExecuteA(NULL, "open", "calc.exe", NULL, NULL, 1);',
  LoadLibraryA: '    HMODULE m = LoadLibraryA("kernel32.dll");',
  GetProcAddress: '    GetProcAddress(NULL, "WinExec");',
  getaddrinfo: '    getaddrinfo("example.com", "80", NULL, NULL);',
  gethostbyname: '    gethostbyname("example.com");',
  fnPointer: '    int (*f)(const char *) = 0;\n    f("id");',
};

/** A snippet that connects to a public address and sends: on the simulated stack nothing leaves the process. */
export const PUBLIC_CONNECT = snippet(
  'public_connect',
  [
    '    struct sockaddr_in a = { AF_INET };',
    '    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);',
    '    a.sin_port = htons(80);',
    '    a.sin_addr.s_addr = htonl(0x5DB8D822);',
    '    connect(s, (struct sockaddr *)&a, sizeof(a));',
    '    send(s, "GET / HTTP/1.0\\r\\n\\r\\n", 18, 0);',
    '    SOCKET u = socket(AF_INET, SOCK_DGRAM, 0);',
    '    a.sin_addr.s_addr = htonl(0x08080808);',
    '    a.sin_port = htons(53);',
    '    sendto(u, "x", 1, 0, (struct sockaddr *)&a, sizeof(a));',
    '    closesocket(s);',
    '    closesocket(u);',
  ].join('\n'),
  '#include "/etc/passwd"\n#include <../../../../etc/shadow>',
);

export const INFINITE_LOOP = snippet('spin', '    for (;;) { }');
export const MALLOC_LOOP = snippet('hog', '    for (;;) { char *p = malloc(1000000); p[0] = 1; }');
export const BIG_LOCAL = snippet('big_local', '    char big[200000000];\n    big[0] = 1;');
/** Few steps, each expensive: only a wall-clock limit stops this (the step budget would take hours). */
export const SLOW_STEPS = snippet('slow', '    char *p = malloc(50000000);\n    int i;\n    for (i = 0; i < 100000; i++) memset(p, i, 50000000);');
/** Lots of output: 200,000 steps of 4 KB would be 800 MB held in memory. */
export const FLOOD = snippet(
  'flood',
  '    static char line[4097];\n    int i;\n    memset(line, 65, 4096);\n    for (;;) printf("%s\\n", line);',
);
export const WIDTH_BOMB = snippet('width', '    printf("%*d", 1000000000, 1);');
