/* WSPAccept with the condition function, the optional address and the handle
 * all handled: every failure stores a documented code, every optional pointer
 * is tested, and the handle is closed when the accept fails after creating it. */
#include <winsock2.h>
#include <ws2spi.h>
#include "pipesock.h"

extern WSPUPCALLTABLE g_Upcalls;
extern DWORD g_CatalogId;

static int
PipeRunCondition(PIPE_CONN *conn, LPCONDITIONPROC cond, DWORD_PTR data)
{
    WSABUF callerId;
    GROUP  g = 0;

    if (cond == NULL)
        return CF_ACCEPT;
    callerId.len = sizeof(conn->Peer);
    callerId.buf = (char *)&conn->Peer;
    return cond(&callerId, NULL, NULL, NULL, NULL, NULL, &g, data);
}

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
    int verdict;

    listener = PipeFindListener(s);
    if (listener == NULL) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    if (!listener->Listening) {
        *lpErrno = WSAEINVAL;
        return INVALID_SOCKET;
    }
    /* "The addrlen parameter is too small": only when an address is wanted. */
    if (addr != NULL && (addrlen == NULL || *addrlen < (int)sizeof(conn->Peer))) {
        *lpErrno = WSAEFAULT;
        return INVALID_SOCKET;
    }

    conn = PipeDequeue(listener);
    if (conn == NULL) {
        *lpErrno = WSAEWOULDBLOCK;
        return INVALID_SOCKET;
    }

    verdict = PipeRunCondition(conn, lpfnCondition, dwCallbackData);
    switch (verdict) {
    case CF_ACCEPT:
        break;
    case CF_REJECT:
        PipeReject(conn);
        *lpErrno = WSAECONNREFUSED;
        return INVALID_SOCKET;
    case CF_DEFER:
        PipeRequeue(listener, conn);
        *lpErrno = WSATRY_AGAIN;
        return INVALID_SOCKET;
    default:
        PipeReject(conn);
        *lpErrno = WSAEINVAL;
        return INVALID_SOCKET;
    }

    handle = g_Upcalls.lpWPUCreateSocketHandle(g_CatalogId, (DWORD_PTR)conn, lpErrno);
    if (handle == INVALID_SOCKET) {
        PipeReject(conn);
        return INVALID_SOCKET;
    }

    if (!PipeCompleteAccept(conn)) {
        int ignored;
        g_Upcalls.lpWPUCloseSocketHandle(handle, &ignored);
        PipeReject(conn);
        *lpErrno = WSAECONNRESET;
        return INVALID_SOCKET;
    }
    conn->Handle = handle;

    if (addr != NULL) {
        memcpy(addr, &conn->Peer, sizeof(conn->Peer));
        *addrlen = sizeof(conn->Peer);
    }
    return handle;
}
