/* A base provider's WSPAccept: the nonblocking "nothing to accept yet" path
 * returns INVALID_SOCKET before the code is stored. */
#include <winsock2.h>
#include <ws2spi.h>
#include "pipesock.h"

extern WSPUPCALLTABLE g_Upcalls;
extern DWORD g_CatalogId;

SOCKET WSPAPI
WSPAccept(
    SOCKET s,
    struct sockaddr FAR *addr,
    LPINT addrlen,
    LPCONDITIONPROC lpfnCondition,
    DWORD_PTR dwCallbackData,
    LPINT lpErrno)
{
    PIPE_LISTENER *listener;
    PIPE_CONN *conn;
    SOCKET handle;

    UNREFERENCED_PARAMETER(lpfnCondition);
    UNREFERENCED_PARAMETER(dwCallbackData);

    listener = PipeFindListener(s);
    if (listener == NULL) {
        *lpErrno = WSAEINVAL;       /* "WSPListen was not invoked prior to WSPAccept" */
        return INVALID_SOCKET;
    }

    conn = PipeDequeue(listener);
    if (conn == NULL) {
        if (listener->NonBlocking)
            return INVALID_SOCKET; /* expect: errno-not-set */
        conn = PipeWaitForConnection(listener);
        if (conn == NULL) {
            *lpErrno = WSAEINTR;
            return INVALID_SOCKET;
        }
    }

    handle = g_Upcalls.lpWPUCreateSocketHandle(g_CatalogId, (DWORD_PTR)conn, lpErrno);
    if (handle == INVALID_SOCKET) {
        PipeReject(conn);
        return INVALID_SOCKET;
    }
    conn->Handle = handle;

    if (addr != NULL && addrlen != NULL) {
        if (*addrlen < (int)sizeof(conn->Peer)) {
            g_Upcalls.lpWPUCloseSocketHandle(handle, lpErrno);
            PipeReject(conn);
            *lpErrno = WSAEFAULT;
            return INVALID_SOCKET;
        }
        memcpy(addr, &conn->Peer, sizeof(conn->Peer));
        *addrlen = sizeof(conn->Peer);
    }
    return handle;
}
