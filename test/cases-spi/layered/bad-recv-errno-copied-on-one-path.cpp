// The layer looks at the lower provider's error to notice resets, and copies it
// back only in that case: every other failure returns SOCKET_ERROR with the
// caller's *lpErrno untouched.
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

int WSPAPI Recv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received, LPDWORD flags,
                LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE done,
                LPWSATHREADID thread, LPINT lpErrno)
{
    Context* ctx = Context::Find(s, lpErrno);
    if (ctx == nullptr)
        return SOCKET_ERROR;

    int err = 0;
    int rc = ctx->next->lpWSPRecv(ctx->lower, buffers, count, received, flags, ov, done, thread,
                                  &err); // expect: lower-errno-not-propagated
    if (rc == SOCKET_ERROR) {
        if (err == WSAECONNRESET) {
            ctx->MarkReset();
            *lpErrno = err;
        }
        return SOCKET_ERROR; // expect: errno-not-set
    }
    ctx->bytesIn += *received;
    return 0;
}

void Install(LPWSPPROC_TABLE table)
{
    table->lpWSPRecv = Recv;
}

} // namespace layer
