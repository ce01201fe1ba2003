// Layered provider: a lambda captures lpErrno and is meant to be used for
// every failure, but the QoS check returns directly.
#include <winsock2.h>
#include <ws2spi.h>
#include <memory>

namespace lsp {

struct Provider {
    WSPPROC_TABLE next;
    bool qosCapable;
};

struct SocketCtx {
    SOCKET lower;
    std::shared_ptr<Provider> provider;
};

std::shared_ptr<SocketCtx> FindContext(SOCKET s);

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    auto fail = [lpErrno](int code) {
        *lpErrno = code;
        return SOCKET_ERROR;
    };

    auto ctx = FindContext(s);
    if (!ctx)
        return fail(WSAENOTSOCK);

    if (lpSQOS != nullptr && !ctx->provider->qosCapable)
        return SOCKET_ERROR; // expect: errno-not-set

    if (ctx->provider->next.lpWSPConnect == nullptr)
        return fail(WSAENETDOWN);

    return ctx->provider->next.lpWSPConnect(ctx->lower, name, namelen, lpCallerData,
                                            lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}

} // namespace lsp
