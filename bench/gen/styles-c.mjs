// Entry-point styles of C providers, after the shapes in test/cases and test/corpus: SAL-annotated base
// providers, SDK-sample layered providers with one `goto cleanup` exit, status-mapping `switch` helpers,
// msafd-style base providers with several entry points, and WSPStartup filling the proc table.
// A planted bug carries `/* planted: <rule> */` on the line where wsplint's finding belongs.

/** @typedef {import('./prng.mjs').Rng} Rng */
/** @typedef {{ r: Rng, P: string, names: Record<string, string>, bugs: (rule: string, p: number) => boolean }} Ctx */

const MARK = (rule) => ` /* planted: ${rule} */`;

/** Shared declarations of a C module (socket context, lower provider, lookup helpers). */
export function moduleDecls(P) {
  return `typedef struct _${P}_SOCKET {
    SOCKET   ProviderSocket;
    SOCKET   Handle;
    LONG     RefCount;
    DWORD    State;
    HANDLE   Event;
    int      LastError;
    WSABUF   ConnectData;
} ${P}_SOCKET;

extern WSPPROC_TABLE  ${P}_Next;
extern WSPUPCALLTABLE ${P}_Upcall;

${P}_SOCKET *${P}_Find(SOCKET s, int *err);
void ${P}_Deref(${P}_SOCKET *ctx);
int ${P}_MapStatus(LONG status);
`;
}

/** Lookup helpers every style calls: the error goes out through `err` on failure (an upcall writes it). */
export function lookupHelpers(c) {
  const { P, r } = c;
  const arms = r.sample(
    [
      ['0xC0000236L', 'WSAECONNREFUSED'],
      ['0xC00000B5L', 'WSAETIMEDOUT'],
      ['0xC000023CL', 'WSAENETUNREACH'],
      ['0xC0000041L', 'WSAEADDRINUSE'],
      ['0xC000009AL', 'WSAENOBUFS'],
      ['0xC000000DL', 'WSAEINVAL'],
      ['0xC0000022L', 'WSAEACCES'],
      ['0xC0000120L', 'WSAEINTR'],
    ],
    r.int(4, 8),
  );
  const badDefault = c.bugs('non-wsa-error', 0.25);
  const undocumented = !badDefault && c.bugs('undocumented-error', 0.2);
  return {
    badDefault,
    undocumented,
    text: `WSPPROC_TABLE  ${P}_Next;
WSPUPCALLTABLE ${P}_Upcall;

${P}_SOCKET *${P}_Find(SOCKET s, int *err)
{
    ${P}_SOCKET *ctx = NULL;

    if (${P}_Upcall.lpWPUQuerySocketHandleContext(s, (PDWORD_PTR)&ctx, err) == SOCKET_ERROR) {
        return NULL;
    }
    InterlockedIncrement(&ctx->RefCount);
    return ctx;
}

void ${P}_Deref(${P}_SOCKET *ctx)
{
    if (InterlockedDecrement(&ctx->RefCount) == 0) {
        if (ctx->Event != NULL) {
            CloseHandle(ctx->Event);
        }
        HeapFree(GetProcessHeap(), 0, ctx);
    }
}

int ${P}_MapStatus(LONG status)
{
    switch ((ULONG)status) {
${arms.map(([s, w]) => `    case ${s}: return ${w};`).join('\n')}
${undocumented ? `    case 0xC00000C4L: return WSAEHOSTUNREACH;\n` : ''}    default: return ${badDefault ? 'ERROR_GEN_FAILURE' : 'WSAENETDOWN'};
    }
}
`,
  };
}

/** WSPConnect with SAL annotations, checks in front, a bounded copy of the connect data. */
export function salConnect(c) {
  const { P, names } = c;
  const nameBug = c.bugs('name-unchecked', 0.3);
  const copyBug = c.bugs('callee-unbounded-copy', 0.3);
  const lenBug = !copyBug && c.bugs('callee-len-not-set', 0.25);
  return `int WSPAPI
${names.connect}(
    _In_ SOCKET s,
    _In_reads_bytes_(namelen) const struct sockaddr FAR *name,
    _In_ int namelen,
    _In_opt_ LPWSABUF lpCallerData,
    _Out_opt_ LPWSABUF lpCalleeData,
    _In_opt_ LPQOS lpSQOS,
    _In_opt_ LPQOS lpGQOS,
    _Out_ LPINT lpErrno)
{
    ${P}_SOCKET *ctx;
    int rc;
    ULONG copy;

    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);
${nameBug ? `    if (name->sa_family != AF_INET) {${MARK('name-unchecked')}\n        *lpErrno = WSAEAFNOSUPPORT;\n        return SOCKET_ERROR;\n    }\n` : ''}    if (name == NULL || namelen < (int)sizeof(struct sockaddr_in)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (name->sa_family != AF_INET && name->sa_family != AF_INET6) {
        *lpErrno = WSAEAFNOSUPPORT;
        return SOCKET_ERROR;
    }
    ctx = ${P}_Find(s, lpErrno);
    if (ctx == NULL) {
        return SOCKET_ERROR;
    }
    if (ctx->State != 0) {
        ${P}_Deref(ctx);
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }
    rc = ${P}_Next.lpWSPConnect(ctx->ProviderSocket, name, namelen, lpCallerData, NULL, NULL, NULL, lpErrno);
    if (rc == SOCKET_ERROR) {
        ${P}_Deref(ctx);
        return SOCKET_ERROR;
    }
    ctx->State = 1;
    if (lpCalleeData != NULL) {
${
  copyBug
    ? `        memcpy(lpCalleeData->buf, ctx->ConnectData.buf, ctx->ConnectData.len);${MARK('callee-unbounded-copy')}\n        lpCalleeData->len = ctx->ConnectData.len;`
    : `        copy = ctx->ConnectData.len < lpCalleeData->len ? ctx->ConnectData.len : lpCalleeData->len;\n        memcpy(lpCalleeData->buf, ctx->ConnectData.buf, copy);${lenBug ? '' : '\n        lpCalleeData->len = copy;'}`
}
    }
    ${P}_Deref(ctx);
    return 0;${lenBug ? MARK('callee-len-not-set') : ''}
}
`;
}

/** Layered provider in the SDK sample's shape: rc starts as SOCKET_ERROR, every failure jumps to cleanup. */
export function gotoConnect(c) {
  const { P, names } = c;
  const errnoBug = c.bugs('errno-not-set', 0.35);
  const handleBug = c.bugs('lower-socket-handle', 0.2);
  return `/* Non-IFS: the application sees our handle, the lower provider its own socket. */
SOCKET ${P}_NewHandle(DWORD catalogId, ${P}_SOCKET *ctx, int *err)
{
    SOCKET h = WPUCreateSocketHandle(catalogId, (DWORD_PTR)ctx, err);

    if (h != INVALID_SOCKET) {
        ctx->Handle = h;
    }
    return h;
}

int WSPAPI
${names.connect}(
    SOCKET                s,
    const struct sockaddr FAR * name,
    int                   namelen,
    LPWSABUF              lpCallerData,
    LPWSABUF              lpCalleeData,
    LPQOS                 lpSQOS,
    LPQOS                 lpGQOS,
    LPINT                 lpErrno
    )
{
    ${P}_SOCKET *SocketContext = NULL;
    INT         ret = SOCKET_ERROR;

    SocketContext = ${P}_Find(s, lpErrno);
    if (NULL == SocketContext) {
        goto cleanup;
    }

    if (SocketContext->State == 2) {
${errnoBug ? '        /* closing: nothing to forward to */' : '        *lpErrno = WSAENOTSOCK;'}
        goto cleanup;
    }

    if (NULL == ${P}_Next.lpWSPConnect) {
        *lpErrno = WSAENETDOWN;
        goto cleanup;
    }

    ret = ${P}_Next.lpWSPConnect(
            ${handleBug ? `s,${MARK('lower-socket-handle')}` : 'SocketContext->ProviderSocket,'}
            name,
            namelen,
            lpCallerData,
            lpCalleeData,
            lpSQOS,
            lpGQOS,
            lpErrno
            );

cleanup:

    if (NULL != SocketContext) {
        ${P}_Deref(SocketContext);
    }

    return ret;${errnoBug ? MARK('errno-not-set') : ''}
}
`;
}

/** The provider's own status codes, mapped by a helper; the store takes the helper's result. */
export function mappedConnect(c, lookup) {
  const { P, names } = c;
  const mark = lookup.badDefault ? MARK('non-wsa-error') : lookup.undocumented ? MARK('undocumented-error') : '';
  return `static LONG ${P}_Dial(${P}_SOCKET *ctx, const struct sockaddr *to, int tolen)
{
    if (ctx->Event == NULL) {
        ctx->Event = CreateEventW(NULL, FALSE, FALSE, NULL);
        if (ctx->Event == NULL) {
            return (LONG)0xC000009AL;
        }
    }
    if (${P}_Next.lpWSPConnect(ctx->ProviderSocket, to, tolen, NULL, NULL, NULL, NULL, &ctx->LastError) == 0) {
        return 0;
    }
    switch (ctx->LastError) {
    case WSAETIMEDOUT: return (LONG)0xC00000B5L;
    case WSAEACCES: return (LONG)0xC0000022L;
${lookup.undocumented ? '    case WSAEHOSTUNREACH: return (LONG)0xC00000C4L;\n' : ''}${lookup.badDefault ? '    case WSAEPROVIDERFAILEDINIT: return (LONG)0xC0000001L;\n' : ''}    default: return (LONG)0xC0000236L;
    }
}

int WSPAPI
${names.connect}(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    ${P}_SOCKET *ctx;
    LONG st;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    ctx = ${P}_Find(s, lpErrno);
    if (ctx == NULL) {
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        ${P}_Deref(ctx);
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    st = ${P}_Dial(ctx, name, namelen);
    if (st != 0) {
        ${P}_Deref(ctx);
        *lpErrno = ${P}_MapStatus(st);${mark}
        return SOCKET_ERROR;
    }
    ctx->State = 1;
    if (lpCalleeData != NULL) {
        lpCalleeData->len = 0;
    }
    ${P}_Deref(ctx);
    return 0;
}
`;
}

/** msafd-style entry points beside connect: send, receive, peer name, close. */
export function baseEntries(c) {
  const { P, names } = c;
  const sendBug = c.bugs('errno-not-set', 0.25);
  const retBug = c.bugs('bad-return-value', 0.2);
  return `int WSPAPI
${names.send}(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
        DWORD dwFlags, LPWSAOVERLAPPED lpOverlapped,
        LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine, LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    ${P}_SOCKET *ctx;
    int rc;

    ctx = ${P}_Find(s, lpErrno);
    if (ctx == NULL) {
        return SOCKET_ERROR;
    }
    if (ctx->State != 1) {
        ${P}_Deref(ctx);
${sendBug ? '' : '        *lpErrno = WSAENOTCONN;\n'}        return SOCKET_ERROR;${sendBug ? MARK('errno-not-set') : ''}
    }
    rc = ${P}_Next.lpWSPSend(ctx->ProviderSocket, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags,
                            lpOverlapped, lpCompletionRoutine, lpThreadId, lpErrno);
    ${P}_Deref(ctx);
    return rc;
}

int WSPAPI
${names.recv}(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd,
        LPDWORD lpFlags, LPWSAOVERLAPPED lpOverlapped,
        LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine, LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    ${P}_SOCKET *ctx;
    int rc;

    ctx = ${P}_Find(s, lpErrno);
    if (ctx == NULL) {
        return SOCKET_ERROR;
    }
    rc = ${P}_Next.lpWSPRecv(ctx->ProviderSocket, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags,
                            lpOverlapped, lpCompletionRoutine, lpThreadId, lpErrno);
    ${P}_Deref(ctx);
    return rc;
}

int WSPAPI
${names.peer}(SOCKET s, struct sockaddr FAR *name, LPINT namelen, LPINT lpErrno)
{
    ${P}_SOCKET *ctx;
    int rc;

    ctx = ${P}_Find(s, lpErrno);
    if (ctx == NULL) {
        return SOCKET_ERROR;
    }
    if (ctx->State != 1) {
        ${P}_Deref(ctx);
        *lpErrno = WSAENOTCONN;
        return ${retBug ? `WSAENOTCONN;${MARK('bad-return-value')}` : 'SOCKET_ERROR;'}
    }
    rc = ${P}_Next.lpWSPGetPeerName(ctx->ProviderSocket, name, namelen, lpErrno);
    ${P}_Deref(ctx);
    return rc;
}

int WSPAPI
${names.close}(SOCKET s, LPINT lpErrno)
{
    ${P}_SOCKET *ctx;
    int rc;

    ctx = ${P}_Find(s, lpErrno);
    if (ctx == NULL) {
        return SOCKET_ERROR;
    }
    rc = ${P}_Next.lpWSPCloseSocket(ctx->ProviderSocket, lpErrno);
    if (rc != SOCKET_ERROR) {
        ctx->State = 2;
        ${P}_Upcall.lpWPUCloseSocketHandle(s, lpErrno);
    }
    ${P}_Deref(ctx);
    return rc;
}
`;
}

/** WSPStartup keeping the upcall table and installing the module's entries over the lower provider's. */
export function startup(c, installed) {
  const { P } = c;
  const versionBug = c.bugs('startup-version-unchecked', 0.15);
  return `int WSPAPI
WSPStartup(WORD wVersionRequested, LPWSPDATA lpWSPData, LPWSAPROTOCOL_INFOW lpProtocolInfo,${versionBug ? MARK('startup-version-unchecked') : ''}
           WSPUPCALLTABLE UpcallTable, LPWSPPROC_TABLE lpProcTable)
{
    UNREFERENCED_PARAMETER(lpProtocolInfo);
${versionBug ? '' : `    if (LOBYTE(wVersionRequested) < 2) {\n        return WSAVERNOTSUPPORTED;\n    }\n`}    ${P}_Upcall = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    *lpProcTable = ${P}_Next;
${installed.map(([entry, fn]) => `    lpProcTable->${entry} = ${fn};`).join('\n')}
    return 0;
}
`;
}
