/*
 * pipe-provider: a base provider that carries stream sockets over named pipes
 * (\\.\pipe\sock-<port>). Written the way first versions of providers often
 * are: it works for the happy path, and WSPConnect has several contract bugs
 * that `npm start` points out.
 */
#include <winsock2.h>
#include <ws2spi.h>
#include <stdio.h>

#define PIPE_PREFIX        L"\\\\.\\pipe\\sock-"
#define PIPE_WAIT_MS       5000
#define HELLO_MAX          128

typedef struct _PIPE_SOCKET {
    HANDLE      Pipe;
    BOOL        Connected;
    BOOL        Listening;
    SOCKADDR_IN Peer;
    CHAR        Hello[HELLO_MAX];
    DWORD       HelloLen;
} PIPE_SOCKET;

static WSPUPCALLTABLE gUpcalls;

static PIPE_SOCKET *
PipeFromSocket(SOCKET s)
{
    DWORD_PTR ctx = 0;
    int err;

    if (gUpcalls.lpWPUQuerySocketHandleContext(s, &ctx, &err) == SOCKET_ERROR)
        return NULL;
    return (PIPE_SOCKET *)ctx;
}

static int WSPAPI
PipeConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
            LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
            LPQOS lpGQOS, LPINT lpErrno)
{
    PIPE_SOCKET *ps;
    WCHAR        path[64];
    DWORD        mode = PIPE_READMODE_BYTE;

    UNREFERENCED_PARAMETER(lpGQOS);

    ps = PipeFromSocket(s);
    if (ps == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (ps->Listening) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    if (ps->Connected) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }
    if (lpCallerData != NULL || lpSQOS != NULL) {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }

    /* Bug: the caller's namelen is trusted as the copy size. */
    memcpy(&ps->Peer, name, namelen);
    swprintf(path, 64, PIPE_PREFIX L"%u", ntohs(ps->Peer.sin_port));

    /* Bug: a busy or missing server returns without an error code. */
    if (!WaitNamedPipeW(path, PIPE_WAIT_MS))
        return SOCKET_ERROR;

    ps->Pipe = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                           FILE_FLAG_OVERLAPPED, NULL);
    if (ps->Pipe == INVALID_HANDLE_VALUE) {
        *lpErrno = (GetLastError() == ERROR_PIPE_BUSY) ? WSAETIMEDOUT : WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    SetNamedPipeHandleState(ps->Pipe, &mode, NULL, NULL);

    /* The server sends a greeting first. */
    if (!ReadFile(ps->Pipe, ps->Hello, HELLO_MAX, &ps->HelloLen, NULL)) {
        CloseHandle(ps->Pipe);
        ps->Pipe = INVALID_HANDLE_VALUE;
        /* Bug: WSPConnect does not document WSAECONNRESET. */
        *lpErrno = WSAECONNRESET;
        return SOCKET_ERROR;
    }

    ps->Connected = TRUE;
    /* Bug: lpCalleeData->len still holds the caller's buffer size. */
    return 0;
}

static int WSPAPI
PipeCloseSocket(SOCKET s, LPINT lpErrno)
{
    PIPE_SOCKET *ps = PipeFromSocket(s);

    if (ps == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (ps->Pipe != INVALID_HANDLE_VALUE && ps->Pipe != NULL)
        CloseHandle(ps->Pipe);
    HeapFree(GetProcessHeap(), 0, ps);
    return gUpcalls.lpWPUCloseSocketHandle(s, lpErrno);
}

static SOCKET WSPAPI
PipeSocket(int af, int type, int protocol, LPWSAPROTOCOL_INFOW lpProtocolInfo,
           GROUP g, DWORD dwFlags, LPINT lpErrno)
{
    PIPE_SOCKET *ps;
    SOCKET       s;

    UNREFERENCED_PARAMETER(protocol);
    UNREFERENCED_PARAMETER(g);
    UNREFERENCED_PARAMETER(dwFlags);

    if (af != AF_INET || type != SOCK_STREAM) {
        *lpErrno = WSAESOCKTNOSUPPORT;
        return INVALID_SOCKET;
    }
    ps = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*ps));
    if (ps == NULL) {
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    ps->Pipe = INVALID_HANDLE_VALUE;
    s = gUpcalls.lpWPUCreateSocketHandle(lpProtocolInfo->dwCatalogEntryId, (DWORD_PTR)ps, lpErrno);
    if (s == INVALID_SOCKET)
        HeapFree(GetProcessHeap(), 0, ps);
    return s;
}

int WSPAPI
WSPStartup(WORD wVersionRequested, LPWSPDATA lpWSPData, LPWSAPROTOCOL_INFOW lpProtocolInfo,
           WSPUPCALLTABLE UpcallTable, LPWSPPROC_TABLE lpProcTable)
{
    UNREFERENCED_PARAMETER(lpProtocolInfo);

    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;

    gUpcalls = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);

    ZeroMemory(lpProcTable, sizeof(*lpProcTable));
    lpProcTable->lpWSPSocket = PipeSocket;
    lpProcTable->lpWSPConnect = PipeConnect;
    lpProcTable->lpWSPCloseSocket = PipeCloseSocket;
    return 0;
}
