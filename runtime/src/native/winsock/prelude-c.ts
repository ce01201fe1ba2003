/**
 * The C the harness puts before the user's file: the Windows headers, then the record writer, the
 * network policy check, the message window that stands in for WSAAsyncSelect's hWnd, the event
 * selections the harness reads when the snippet returns, and the crash filter. Every record is one
 * line `@@wsplint {json}` on standard output; the exit codes 3 (refused) and 4 (stopped) are the
 * harness's own. The policy table (`__wsplint_allow_any`, `__wsplint_allowed`) is generated between
 * the two parts (./harness.ts).
 */

/** The Windows headers: precompiled once when the compiler can (./precompiled.ts). */
export const INCLUDES = String.raw`
#define _WIN32_WINNT 0x0A00
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <windows.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
`;

export const PRELUDE = String.raw`
static int __wsplint_line = 0;
static HWND __wsplint_hwnd = NULL;

static void __wsplint_json_string(const char *s) {
  fputc('"', stdout);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') { fputc('\\', stdout); fputc(c, stdout); }
    else if (c == '\n') fputs("\\n", stdout);
    else if (c == '\r') fputs("\\r", stdout);
    else if (c == '\t') fputs("\\t", stdout);
    else if (c < 0x20) fprintf(stdout, "\\u%04x", c);
    else fputc(c, stdout);
  }
  fputc('"', stdout);
}

static void __wsplint_call(int line, const char *call, const char *api, long long ret, int failed, int code) {
  fprintf(stdout, "@@wsplint {\"t\":\"call\",\"line\":%d,\"call\":\"%s\",\"api\":\"%s\",\"returned\":%lld,\"failed\":%d,\"code\":%d}\n", line, call, api, ret, failed, code);
  fflush(stdout);
}

static void __wsplint_stop(int line, const char *message) {
  fprintf(stdout, "@@wsplint {\"t\":\"stop\",\"line\":%d,\"message\":", line);
  __wsplint_json_string(message);
  fputs("}\n", stdout);
  fflush(stdout);
  ExitProcess(4);
}

static void __wsplint_event(int line, unsigned long long s, int bit, int code) {
  fprintf(stdout, "@@wsplint {\"t\":\"event\",\"line\":%d,\"socket\":%llu,\"bit\":%d,\"code\":%d}\n", line, s, bit, code);
  fflush(stdout);
}

static int __wsplint_printf(const char *fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  char *text = small;
  if (n >= (int)sizeof small) {
    text = (char *)malloc((size_t)n + 1);
    if (text == NULL) return -1;
    va_start(ap, fmt);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  if (n > 0) {
    fputs("@@wsplint {\"t\":\"out\",\"text\":", stdout);
    __wsplint_json_string(text);
    fputs("}\n", stdout);
    fflush(stdout);
  }
  if (text != small) free(text);
  return n;
}

/* WSAAsyncSelect needs a real window: a message-only one stands in for the snippet's hWnd. */
static HWND __wsplint_window(void) {
  if (__wsplint_hwnd == NULL) {
    WNDCLASSA wc;
    memset(&wc, 0, sizeof wc);
    wc.lpfnWndProc = DefWindowProcA;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.lpszClassName = "wsplint_async_select";
    RegisterClassA(&wc);
    __wsplint_hwnd = CreateWindowExA(0, "wsplint_async_select", "", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, wc.hInstance, NULL);
  }
  return __wsplint_hwnd;
}

/* Messages posted for WSAAsyncSelect are the events of the call that just returned. */
static void __wsplint_pump(int line) {
  MSG msg;
  if (__wsplint_hwnd == NULL) return;
  while (PeekMessageA(&msg, __wsplint_hwnd, 0, 0, PM_REMOVE)) {
    if (msg.message < WM_USER) continue;
    long ev = WSAGETSELECTEVENT(msg.lParam);
    for (int bit = 0; bit < FD_MAX_EVENTS; bit++) {
      if (ev & (1L << bit)) __wsplint_event(line, (unsigned long long)msg.wParam, bit, WSAGETSELECTERROR(msg.lParam));
    }
  }
}

static void __wsplint_network_events(int line, SOCKET s, LPWSANETWORKEVENTS ne) {
  if (ne == NULL) return;
  for (int bit = 0; bit < FD_MAX_EVENTS; bit++) {
    if (ne->lNetworkEvents & (1L << bit)) __wsplint_event(line, (unsigned long long)s, bit, ne->iErrorCode[bit]);
  }
}

/*
 * Events recorded for WSAEventSelect are visible only to WSAEnumNetworkEvents, which clears them, so
 * the harness cannot watch them during the run. It remembers the selections and, once the snippet has
 * returned, reads what the snippet left unread (reported on the line of the selection).
 */
static struct { SOCKET s; int line; } __wsplint_selected[64];
static int __wsplint_nselected = 0;

static void __wsplint_untrack(SOCKET s) {
  for (int i = 0; i < __wsplint_nselected; i++) {
    if (__wsplint_selected[i].s == s) __wsplint_selected[i--] = __wsplint_selected[--__wsplint_nselected];
  }
}

static void __wsplint_track(SOCKET s, long mask, int line) {
  __wsplint_untrack(s);
  if (mask != 0 && __wsplint_nselected < 64) {
    __wsplint_selected[__wsplint_nselected].s = s;
    __wsplint_selected[__wsplint_nselected++].line = line;
  }
}

/* An accepted socket has the listening socket's selection. */
static void __wsplint_inherit(SOCKET listener, SOCKET accepted, int line) {
  for (int i = 0; i < __wsplint_nselected; i++) {
    if (__wsplint_selected[i].s == listener) { __wsplint_track(accepted, 1, line); return; }
  }
}

static void __wsplint_drain(void) {
  int saved = WSAGetLastError();
  for (int i = 0; i < __wsplint_nselected; i++) {
    WSANETWORKEVENTS ne;
    memset(&ne, 0, sizeof ne);
    if (WSAEnumNetworkEvents(__wsplint_selected[i].s, NULL, &ne) == 0) __wsplint_network_events(__wsplint_selected[i].line, __wsplint_selected[i].s, &ne);
  }
  WSASetLastError(saved);
}

static void __wsplint_enter(int line) {
  __wsplint_line = line;
}

static void __wsplint_leave(int line) {
  __wsplint_pump(line);
}

static int __wsplint_in_prefix(const unsigned char *ip, const unsigned char *net, int prefix) {
  for (int bit = 0; bit < prefix; bit++) {
    unsigned char mask = (unsigned char)(0x80 >> (bit % 8));
    if ((ip[bit / 8] & mask) != (net[bit / 8] & mask)) return 0;
  }
  return 1;
}

static int __wsplint_reachable(const struct sockaddr *sa, int len, int *v, unsigned char *ip, int *port) {
  memset(ip, 0, 16);
  if (sa->sa_family == AF_INET && len >= (int)sizeof(struct sockaddr_in)) {
    const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
    memcpy(ip, &a->sin_addr, 4);
    *v = 4;
    *port = ntohs(a->sin_port);
  } else if (sa->sa_family == AF_INET6 && len >= (int)sizeof(struct sockaddr_in6)) {
    const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
    memcpy(ip, &a->sin6_addr, 16);
    *v = 6;
    *port = ntohs(a->sin6_port);
    static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    if (memcmp(ip, mapped, 12) == 0) { memmove(ip, ip + 12, 4); memset(ip + 4, 0, 12); *v = 4; }
  } else {
    return 1; /* not an address the call can use: it fails on its own */
  }
  if (__wsplint_allow_any) return 1;
  int zero = 1;
  for (int i = 0; i < (*v == 4 ? 4 : 16); i++) if (ip[i] != 0) zero = 0;
  if (zero) return 1;
  if (*v == 4 && ip[0] == 127) return 1;
  if (*v == 6) {
    int loop = ip[15] == 1;
    for (int i = 0; i < 15; i++) if (ip[i] != 0) loop = 0;
    if (loop) return 1;
  }
  for (int i = 0; __wsplint_allowed[i].v != 0; i++) {
    if (__wsplint_allowed[i].v == *v && __wsplint_in_prefix(ip, __wsplint_allowed[i].ip, __wsplint_allowed[i].prefix)) return 1;
  }
  return 0;
}

static void __wsplint_refuse(int line, const char *call, int v, const unsigned char *ip, int port) {
  fprintf(stdout, "@@wsplint {\"t\":\"refused\",\"line\":%d,\"call\":\"%s\",\"family\":%d,\"port\":%d,\"ip\":\"", line, call, v, port);
  for (int i = 0; i < (v == 4 ? 4 : 16); i++) fprintf(stdout, "%02x", ip[i]);
  fputs("\"}\n", stdout);
  fflush(stdout);
  ExitProcess(3);
}

static int __wsplint_sock_type(SOCKET s) {
  int type = 0, len = sizeof type, saved = WSAGetLastError();
  if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &len) != 0) type = 0;
  WSASetLastError(saved);
  return type;
}

/* A stream connect leaves the machine; a datagram connect only sets the default destination. */
static void __wsplint_check_connect(int line, const char *call, SOCKET s, const struct sockaddr *name, int namelen) {
  int v = 0, port = 0;
  unsigned char ip[16];
  if (name == NULL || IsBadReadPtr(name, (UINT_PTR)(namelen > 0 ? namelen : 1))) return;
  if (__wsplint_sock_type(s) != SOCK_STREAM) return;
  if (!__wsplint_reachable(name, namelen, &v, ip, &port)) __wsplint_refuse(line, call, v, ip, port);
}

/* A datagram goes to lpTo, or to the default destination when there is none. */
static void __wsplint_check_send(int line, const char *call, SOCKET s, const struct sockaddr *to, int tolen) {
  int v = 0, port = 0;
  unsigned char ip[16];
  if (__wsplint_sock_type(s) != SOCK_DGRAM) return;
  if (to != NULL && !IsBadReadPtr(to, (UINT_PTR)(tolen > 0 ? tolen : 1)) && tolen >= (int)sizeof(struct sockaddr_in)) {
    if (!__wsplint_reachable(to, tolen, &v, ip, &port)) __wsplint_refuse(line, call, v, ip, port);
    return;
  }
  struct sockaddr_storage peer;
  int len = sizeof peer, saved = WSAGetLastError();
  if (getpeername(s, (struct sockaddr *)&peer, &len) == 0 && !__wsplint_reachable((struct sockaddr *)&peer, len, &v, ip, &port)) {
    __wsplint_refuse(line, call, v, ip, port);
  }
  WSASetLastError(saved);
}

static int __wsplint_WSAGetLastError(int line) {
  int e = WSAGetLastError();
  __wsplint_enter(line);
  __wsplint_call(line, "WSAGetLastError", "WSAGetLastError", e, e != 0, e);
  WSASetLastError(e);
  return e;
}

static LONG WINAPI __wsplint_crash(EXCEPTION_POINTERS *info) {
  char text[160];
  snprintf(text, sizeof text, "the snippet crashed (exception 0x%08lx) after the call on line %d", (unsigned long)info->ExceptionRecord->ExceptionCode, __wsplint_line);
  __wsplint_stop(__wsplint_line, text);
  return EXCEPTION_EXECUTE_HANDLER;
}

static void __wsplint_environment(void) {
  typedef const char *(*wine_version_fn)(void);
  HMODULE ntdll = GetModuleHandleA("ntdll.dll");
  wine_version_fn wine = ntdll ? (wine_version_fn)(void (*)(void))GetProcAddress(ntdll, "wine_get_version") : NULL;
  OSVERSIONINFOA os;
  memset(&os, 0, sizeof os);
  os.dwOSVersionInfoSize = sizeof os;
  GetVersionExA(&os);
  fprintf(stdout, "@@wsplint {\"t\":\"env\",\"wine\":");
  if (wine) __wsplint_json_string(wine()); else fputs("null", stdout);
  fprintf(stdout, ",\"windows\":\"%lu.%lu.%lu\"}\n", os.dwMajorVersion, os.dwMinorVersion, os.dwBuildNumber);
  fflush(stdout);
}
`;
