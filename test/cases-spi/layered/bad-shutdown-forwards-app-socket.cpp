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

// context.cpp: the context registered for s, or nullptr with *lpErrno = WSAENOTSOCK.
std::shared_ptr<SocketContext> Lookup(SOCKET s, LPINT lpErrno);

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
    table->lpWSPShutdown = LayerShutdown;
    table->lpWSPListen = LayerListen;
}
