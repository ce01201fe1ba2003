// Forwarding in the forms a C++ layer writes it: the lower socket through a
// local, a local error copied back on every path, a scratch error for the
// clean-up close, the application's handle given only to our own code.
#include <winsock2.h>
#include <ws2spi.h>

namespace layer {

extern WSPUPCALLTABLE g_upcalls;

struct Provider {
    DWORD catalogId;
    WSPPROC_TABLE procs;
};

struct Context {
    SOCKET lower;
    SOCKET app;
    Provider* provider;
    const WSPPROC_TABLE* next;
    ULONGLONG bytesOut;
    bool closing;

    // context.cpp: nullptr with *lpErrno = WSAENOTSOCK when s is not ours.
    static Context* Find(SOCKET s, LPINT lpErrno);
    static void Forget(SOCKET app);
};

void Trace(SOCKET app, const char* what, int err);

int WSPAPI Send(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, DWORD flags,
                LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE done,
                LPWSATHREADID thread, LPINT lpErrno)
{
    Context* ctx = Context::Find(s, lpErrno);
    if (ctx == nullptr)
        return SOCKET_ERROR;

    const SOCKET lower = ctx->lower;
    int err = NO_ERROR;
    int rc = ctx->next->lpWSPSend(lower, buffers, count, sent, flags, ov, done, thread, &err);
    if (rc == SOCKET_ERROR) {
        Trace(s, "send", err);
        *lpErrno = err;
        return SOCKET_ERROR;
    }
    ctx->bytesOut += *sent;
    return 0;
}

int WSPAPI CloseSocket(SOCKET s, LPINT lpErrno)
{
    Context* ctx = Context::Find(s, lpErrno);
    if (ctx == nullptr)
        return SOCKET_ERROR;

    int lowerErr = 0;
    if (ctx->next->lpWSPCloseSocket(ctx->lower, &lowerErr) == SOCKET_ERROR) {
        // "WSAEWOULDBLOCK: Socket is marked as nonblocking and SO_LINGER is set
        // to a nonzero time-out value." Pass the lower provider's verdict on.
        *lpErrno = lowerErr;
        return SOCKET_ERROR;
    }
    Context::Forget(s);
    Trace(s, "close", 0);
    return g_upcalls.lpWPUCloseSocketHandle(s, lpErrno);
}

SOCKET WSPAPI Accept(SOCKET s, sockaddr FAR* addr, LPINT addrlen, LPCONDITIONPROC condition,
                     DWORD_PTR callbackData, LPINT lpErrno)
{
    Context* listener = Context::Find(s, lpErrno);
    if (listener == nullptr)
        return INVALID_SOCKET;

    SOCKET accepted = listener->next->lpWSPAccept(listener->lower, addr, addrlen, condition,
                                                  callbackData, lpErrno);
    if (accepted == INVALID_SOCKET)
        return INVALID_SOCKET;

    SOCKET handle = g_upcalls.lpWPUCreateSocketHandle(listener->provider->catalogId,
                                                      static_cast<DWORD_PTR>(accepted), lpErrno);
    if (handle == INVALID_SOCKET) {
        // The close's own error is scratch: the caller gets WPUCreateSocketHandle's.
        int scratch;
        listener->next->lpWSPCloseSocket(accepted, &scratch);
        return INVALID_SOCKET;
    }
    return handle;
}

void Install(LPWSPPROC_TABLE table)
{
    table->lpWSPSend = Send;
    table->lpWSPCloseSocket = CloseSocket;
    table->lpWSPAccept = Accept;
}

} // namespace layer
