/**
 * The generated C program a Winsock run compiles: a prelude (Winsock headers, the record writer, the
 * network policy check, a message window for WSAAsyncSelect), the wrappers, the user's file with its
 * socket calls rewritten to the wrappers (`#line` keeps the user's line numbers for the compiler's
 * messages), and a main that starts Winsock and calls the snippet named on its command line.
 *
 * Every record is one line `@@wsplint {json}` on standard output (parsed by ./parse-output.ts).
 */
import type { NetPolicy } from '../net-policy';
import { INCLUDES, PRELUDE } from './prelude-c';
import { WRAPPED, wrapperSource } from './wrappers';

export { INCLUDES };

export const RECORD_PREFIX = '@@wsplint ';

function cString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The policy as C data: allow-any flag and prefixes (family, 16 address bytes, prefix length). */
function policySource(policy: NetPolicy): string {
  const rows = policy.prefixes.map((p) => {
    const bytes = Array.from({ length: 16 }, (_, i) => p.ip[i] ?? 0).join(', ');
    return `  { ${p.ip.length === 4 ? 4 : 6}, { ${bytes} }, ${p.prefix} },`;
  });
  return [
    `static const int __wsplint_allow_any = ${policy.any ? 1 : 0};`,
    'static const struct { int v; unsigned char ip[16]; int prefix; } __wsplint_allowed[] = {',
    ...rows,
    '  { 0, { 0 }, 0 }',
    '};',
  ].join('\n');
}

/** Prelude, policy and wrappers: everything before the user's file. */
export function harnessHead(policy: NetPolicy): string {
  return [INCLUDES, policySource(policy), PRELUDE, ...WRAPPED.map(wrapperSource), '#define printf __wsplint_printf', ''].join('\n');
}

/** The main that follows the user's file: WSAStartup, the named snippet, the end record. */
export function harnessMain(functions: readonly string[]): string {
  const dispatch = functions.map((f) => `  if (strcmp(which, ${cString(f)}) == 0) { found = 1; ${f}(); }`).join('\n');
  return String.raw`
#undef printf
int main(int argc, char **argv) {
  WSADATA wsa;
  const char *which = argc > 1 ? argv[1] : "";
  int found = 0;
  SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
  SetUnhandledExceptionFilter(__wsplint_crash);
  __wsplint_environment();
  int rc = WSAStartup(MAKEWORD(2, 2), &wsa);
  if (rc != 0) {
    char text[64];
    snprintf(text, sizeof text, "WSAStartup failed with %d", rc);
    __wsplint_stop(0, text);
  }
${dispatch}
  if (!found) __wsplint_stop(0, "no such snippet function in the compiled file");
  __wsplint_drain();
  __wsplint_pump(__wsplint_line);
  fprintf(stdout, "@@wsplint {\"t\":\"end\"}\n");
  fflush(stdout);
  WSACleanup();
  return 0;
}
`;
}
