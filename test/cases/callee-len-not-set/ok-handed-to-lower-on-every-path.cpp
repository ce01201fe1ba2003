// Redirecting LSP: whichever address it connects to, lpCalleeData goes to the
// lower provider, which owns the length.
#include <winsock2.h>
#include <ws2spi.h>
#include <cstring>

struct RedirectCtx {
    SOCKET lower;
    WSPPROC_TABLE* next;
    bool redirected;
    SOCKADDR_IN original;
};

RedirectCtx* RedirectLookup(SOCKET s);
bool ShouldRedirect(const SOCKADDR_IN& to, SOCKADDR_IN* proxy);

int WSPAPI RedirectConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                           LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                           LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    RedirectCtx* ctx = RedirectLookup(s);
    if (ctx == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (name != nullptr && namelen >= static_cast<int>(sizeof(SOCKADDR_IN))
        && name->sa_family == AF_INET) {
        SOCKADDR_IN proxy;
        std::memcpy(&ctx->original, name, sizeof(SOCKADDR_IN));
        if (ShouldRedirect(ctx->original, &proxy)) {
            ctx->redirected = true;
            return ctx->next->lpWSPConnect(ctx->lower, reinterpret_cast<const sockaddr*>(&proxy),
                                           sizeof(proxy), lpCallerData, lpCalleeData,
                                           lpSQOS, lpGQOS, lpErrno);
        }
    }

    ctx->redirected = false;
    return ctx->next->lpWSPConnect(ctx->lower, name, namelen, lpCallerData, lpCalleeData,
                                   lpSQOS, lpGQOS, lpErrno);
}

void InstallRedirect(LPWSPPROC_TABLE t) { t->lpWSPConnect = RedirectConnect; }
