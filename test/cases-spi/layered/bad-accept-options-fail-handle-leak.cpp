// A layered accept that copies the listening socket's layer options onto the
// accepted one after its handle exists. If that fails the accept fails, and the
// handle from WPUCreateSocketHandle is left behind.
#include <winsock2.h>
#include <ws2spi.h>

namespace layer {

extern WSPUPCALLTABLE g_upcalls;

struct Provider {
    DWORD catalogId;
    WSPPROC_TABLE procs;
};

// One per application socket: the lower provider's socket and its table.
struct Context {
    SOCKET lower;
    SOCKET app;
    Provider* provider;
    const WSPPROC_TABLE* next;
    ULONGLONG bytesIn;

    // context.cpp: nullptr with *lpErrno = WSAENOTSOCK when s is not ours.
    static Context* Find(SOCKET s, LPINT lpErrno);
    static Context* Create(Provider* provider, SOCKET lower);
    static void Destroy(Context* ctx);
    bool InheritOptions(const Context& from);
    void MarkReset();
};

} // namespace layer

namespace layer {

SOCKET WSPAPI Accept(SOCKET s, sockaddr FAR* addr, LPINT addrlen, LPCONDITIONPROC condition,
                     DWORD_PTR callbackData, LPINT lpErrno)
{
    Context* listener = Context::Find(s, lpErrno);
    if (!listener)
        return INVALID_SOCKET;

    SOCKET lower = listener->next->lpWSPAccept(listener->lower, addr, addrlen, condition,
                                               callbackData, lpErrno);
    if (lower == INVALID_SOCKET)
        return INVALID_SOCKET;

    Context* accepted = Context::Create(listener->provider, lower);
    int ignored;
    if (!accepted) {
        listener->next->lpWSPCloseSocket(lower, &ignored);
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET;
    }

    SOCKET handle = g_upcalls.lpWPUCreateSocketHandle(listener->provider->catalogId,
                                                      reinterpret_cast<DWORD_PTR>(accepted), lpErrno);
    if (handle == INVALID_SOCKET) {
        listener->next->lpWSPCloseSocket(lower, &ignored);
        Context::Destroy(accepted);
        return INVALID_SOCKET;
    }

    if (!accepted->InheritOptions(*listener)) {
        listener->next->lpWSPCloseSocket(lower, &ignored);
        Context::Destroy(accepted);
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET; // expect: handle-leak-on-error
    }
    accepted->app = handle;
    return handle;
}

void InstallAccept(LPWSPPROC_TABLE table)
{
    table->lpWSPAccept = Accept;
}

} // namespace layer
