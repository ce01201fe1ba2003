// The same policy layer in C++: the refusal uses the Win32 access-denied code.
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
#include "policy.h"

namespace layer {

int WSPAPI Bind(SOCKET s, const sockaddr FAR* name, int namelen, LPINT lpErrno)
{
    Context* ctx = Context::Find(s, lpErrno);
    if (ctx == nullptr)
        return SOCKET_ERROR;
    if (name != nullptr && namelen >= static_cast<int>(sizeof(SOCKADDR_IN)) &&
        name->sa_family == AF_INET &&
        Policy::IsBindBlocked(*reinterpret_cast<const SOCKADDR_IN*>(name))) {
        *lpErrno = ERROR_ACCESS_DENIED; // expect: non-wsa-error
        return SOCKET_ERROR;
    }
    return ctx->next->lpWSPBind(ctx->lower, name, namelen, lpErrno);
}

void InstallBind(LPWSPPROC_TABLE table)
{
    table->lpWSPBind = Bind;
}

} // namespace layer
