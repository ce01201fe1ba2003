/* accept(s, NULL, NULL) is legal: both addr and addrlen are optional. This
 * provider always reports the peer. */
#include <winsock2.h>
#include <ws2spi.h>
#include "pipesock.h"

extern WSPUPCALLTABLE g_Upcalls;
extern DWORD g_CatalogId;

SOCKET WSPAPI
PipeAccept(
    __in SOCKET s,
    __out_bcount_opt(*addrlen) struct sockaddr FAR *addr,
    __inout_opt LPINT addrlen,
    __in_opt LPCONDITIONPROC lpfnCondition,
    __in DWORD_PTR dwCallbackData,
    __out LPINT lpErrno)
{
    PIPE_LISTENER *listener;
    PIPE_CONN *conn;
    SOCKET handle;

    UNREFERENCED_PARAMETER(lpfnCondition);
    UNREFERENCED_PARAMETER(dwCallbackData);

    listener = PipeFindListener(s);
    if (listener == NULL) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }

    conn = PipeWaitForConnection(listener);
    if (conn == NULL) {
        *lpErrno = WSAEINTR;
        return INVALID_SOCKET;
    }

    if (*addrlen < (int)sizeof(conn->Peer)) { /* expect: optional-null-deref */
        PipeReject(conn);
        *lpErrno = WSAEFAULT;
        return INVALID_SOCKET;
    }

    handle = g_Upcalls.lpWPUCreateSocketHandle(g_CatalogId, (DWORD_PTR)conn, lpErrno);
    if (handle == INVALID_SOCKET) {
        PipeReject(conn);
        return INVALID_SOCKET;
    }
    conn->Handle = handle;

    memcpy(addr, &conn->Peer, sizeof(conn->Peer)); /* expect: optional-null-deref */
    *addrlen = sizeof(conn->Peer);
    return handle;
}

void
PipeInstall(LPWSPPROC_TABLE lpProcTable)
{
    lpProcTable->lpWSPAccept = PipeAccept;
}
