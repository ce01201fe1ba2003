// The code around the entry points: most lines of a real provider are not SPI functions but lists, lookups,
// logging, configuration parsing and code tables. Each template is valid C (and C++) against the mingw-w64
// headers, so the peers can compile it too.

/** @typedef {import('./prng.mjs').Rng} Rng */

const WSA_CODES = ['WSAECONNREFUSED', 'WSAETIMEDOUT', 'WSAENETUNREACH', 'WSAEHOSTUNREACH', 'WSAEADDRINUSE', 'WSAENOBUFS', 'WSAEFAULT', 'WSAEINVAL', 'WSAENETDOWN', 'WSAEACCES', 'WSAEAFNOSUPPORT', 'WSAEISCONN', 'WSAEALREADY', 'WSAEWOULDBLOCK', 'WSAEINPROGRESS', 'WSAENOTSOCK', 'WSAEADDRNOTAVAIL'];
const WORDS = ['Route', 'Filter', 'Proxy', 'Policy', 'Entry', 'Rule', 'Peer', 'Flow', 'Queue', 'Token', 'Zone', 'Port', 'Cache', 'Slot'];

/**
 * One helper function (text plus its prototype), named after the module prefix.
 * @param {Rng} r @param {string} P module prefix @param {number} k helper number
 * @returns {{ proto: string, text: string }}
 */
export function fillerFunction(r, P, k) {
  const w = r.pick(WORDS);
  const kind = r.int(0, 8);
  const name = `${P}_${w}${['Insert', 'Find', 'Hash', 'Format', 'Parse', 'Name', 'Sum', 'Count', 'Trace'][kind]}${k}`;
  switch (kind) {
    case 0: {
      const proto = `int ${name}(${P}_NODE **head, ${P}_NODE *node, int limit)`;
      return {
        proto,
        text: `${proto}
{
    ${P}_NODE *cur;
    int count = 0;

    if (head == NULL || node == NULL) {
        return -1;
    }
    for (cur = *head; cur != NULL; cur = cur->Next) {
        if (cur->Key == node->Key) {
            cur->Value += node->Value;
            return count;
        }
        if (++count >= limit) {
            return -1;
        }
    }
    node->Next = *head;
    *head = node;
    return count;
}
`,
      };
    }
    case 1: {
      const n = r.int(2, 6);
      const proto = `${P}_NODE *${name}(${P}_NODE *head, ULONG key)`;
      const checks = Array.from({ length: n }, (_, i) => `        if (head->Flags & 0x${(1 << i).toString(16)}) {\n            continue;\n        }`).join('\n');
      return {
        proto,
        text: `${proto}
{
    for (; head != NULL; head = head->Next) {
${checks}
        if (head->Key == key) {
            return head;
        }
    }
    return NULL;
}
`,
      };
    }
    case 2: {
      const mult = r.pick([31, 33, 131, 65599]);
      const proto = `ULONG ${name}(const char *text, int len)`;
      return {
        proto,
        text: `${proto}
{
    ULONG h = ${r.int(1, 5381)}u;
    int i;

    if (text == NULL) {
        return 0;
    }
    for (i = 0; i < len && text[i] != '\\0'; i++) {
        h = h * ${mult}u + (unsigned char)text[i];
    }
    return h;
}
`,
      };
    }
    case 3: {
      const proto = `int ${name}(const struct sockaddr *sa, char *buf, int buflen)`;
      return {
        proto,
        text: `${proto}
{
    const struct sockaddr_in *sin;
    const unsigned char *b;

    if (sa == NULL || buf == NULL || buflen < 22) {
        return -1;
    }
    switch (sa->sa_family) {
    case AF_INET:
        sin = (const struct sockaddr_in *)sa;
        b = (const unsigned char *)&sin->sin_addr;
        return _snprintf(buf, buflen, "%u.%u.%u.%u:%u", b[0], b[1], b[2], b[3], ntohs(sin->sin_port));
    case AF_INET6:
        return _snprintf(buf, buflen, "[v6]:%u", ntohs(((const struct sockaddr_in *)sa)->sin_port));
    default:
        buf[0] = '\\0';
        return 0;
    }
}
`,
      };
    }
    case 4: {
      const keys = r.sample(['port', 'mode', 'retries', 'timeout', 'window', 'mtu', 'weight', 'level'], r.int(2, 6));
      const proto = `int ${name}(const char *line, ${P}_CONFIG *cfg)`;
      const arms = keys.map((key, i) => `    ${i ? 'else ' : ''}if (strncmp(line, "${key}=", ${key.length + 1}) == 0) {\n        cfg->Values[${i}] = atoi(line + ${key.length + 1});\n    }`).join('\n');
      return {
        proto,
        text: `${proto}
{
    while (*line == ' ' || *line == '\\t') {
        line++;
    }
    if (*line == '#' || *line == '\\0') {
        return 0;
    }
${arms}
    else {
        cfg->Unknown++;
        return -1;
    }
    return 1;
}
`,
      };
    }
    case 5: {
      const n = r.int(4, 14);
      const proto = `const char *${name}(int code)`;
      const arms = r.sample(WSA_CODES, n).map((c) => `    case ${c}: return "${c}";`).join('\n');
      return { proto, text: `${proto}\n{\n    switch (code) {\n${arms}\n    default: return "unknown";\n    }\n}\n` };
    }
    case 6: {
      const proto = `DWORD ${name}(const BYTE *data, DWORD len)`;
      return {
        proto,
        text: `${proto}
{
    DWORD a = 1, b = 0, i;

    for (i = 0; i < len; i++) {
        a = (a + data[i]) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}
`,
      };
    }
    case 7: {
      const proto = `int ${name}(${P}_NODE *head, DWORD mask)`;
      return {
        proto,
        text: `${proto}
{
    int n = 0;

    while (head != NULL) {
        if ((head->Flags & mask) == mask) {
            n++;
        } else if (head->Flags == 0) {
            break;
        }
        head = head->Next;
    }
    return n;
}
`,
      };
    }
    default: {
      const proto = `void ${name}(int level, const char *fmt, ...)`;
      return {
        proto,
        text: `${proto}
{
    char line[${r.pick([256, 512, 1024])}];
    va_list args;

    if (level > ${P}_TraceLevel) {
        return;
    }
    va_start(args, fmt);
    _vsnprintf(line, sizeof(line) - 1, fmt, args);
    va_end(args);
    line[sizeof(line) - 1] = '\\0';
    OutputDebugStringA(line);
}
`,
      };
    }
  }
}

/** Types and globals every module's helpers use (C and C++). */
export function fillerTypes(P) {
  return `typedef struct _${P}_NODE {
    struct _${P}_NODE *Next;
    ULONG Key;
    ULONG Value;
    DWORD Flags;
} ${P}_NODE;

typedef struct _${P}_CONFIG {
    int Values[8];
    int Unknown;
} ${P}_CONFIG;

extern int ${P}_TraceLevel;
`;
}

export { WSA_CODES };
