// A C++ layer with a context map keyed by the application's socket. The
// shutdown path was added later and forwards the key instead of the value.
#include <winsock2.h>
#include <ws2spi.h>
#include <memory>

struct LowerProvider {
    WSPPROC_TABLE procs;
};

struct SocketContext {
    SOCKET lower;
    LowerProvider* provider;
};

extern WSPUPCALLTABLE g_upcalls;
extern DWORD g_catalogId;

// context.cpp: the context registered for s, or nullptr with *lpErrno = WSAENOTSOCK.
std::shared_ptr<SocketContext> Lookup(SOCKET s, LPINT lpErrno);
// context.cpp: registers ctx under the application's handle.
bool Register(SOCKET app, std::shared_ptr<SocketContext> ctx);

// The application gets our own handles, not the lower provider's.
SOCKET WSPAPI LayerAccept(SOCKET s, sockaddr FAR* addr, LPINT addrlen, LPCONDITIONPROC condition,
                          DWORD_PTR callbackData, LPINT lpErrno)
{
    auto listener = Lookup(s, lpErrno);
    if (!listener)
        return INVALID_SOCKET;
    SOCKET lower = listener->provider->procs.lpWSPAccept(listener->lower, addr, addrlen, condition,
                                                         callbackData, lpErrno);
    if (lower == INVALID_SOCKET)
        return INVALID_SOCKET;
    auto ctx = std::make_shared<SocketContext>(SocketContext{lower, listener->provider});
    SOCKET app = g_upcalls.lpWPUCreateSocketHandle(g_catalogId, reinterpret_cast<DWORD_PTR>(ctx.get()), lpErrno);
    if (app == INVALID_SOCKET) {
        int scratch;
        listener->provider->procs.lpWSPCloseSocket(lower, &scratch);
        return INVALID_SOCKET;
    }
    Register(app, ctx);
    return app;
}

int WSPAPI LayerShutdown(SOCKET s, int how, LPINT lpErrno)
{
    auto ctx = Lookup(s, lpErrno);
    if (!ctx)
        return SOCKET_ERROR;
    return ctx->provider->procs.lpWSPShutdown(s, how, lpErrno); // expect: lower-socket-handle
}

int WSPAPI LayerListen(SOCKET s, int backlog, LPINT lpErrno)
{
    auto ctx = Lookup(s, lpErrno);
    if (!ctx)
        return SOCKET_ERROR;
    return ctx->provider->procs.lpWSPListen(ctx->lower, backlog, lpErrno);
}

void LayerInstall(LPWSPPROC_TABLE table)
{
    table->lpWSPAccept = LayerAccept;
    table->lpWSPShutdown = LayerShutdown;
    table->lpWSPListen = LayerListen;
}
