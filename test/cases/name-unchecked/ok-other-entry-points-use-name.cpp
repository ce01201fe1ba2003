// WSPBind, WSPSendTo and WSPJoinLeaf read their own address parameters without
// checks here; none of them is a connect entry.
#include <winsock2.h>
#include <ws2spi.h>
#include <cstring>

struct Ctx { SOCKET lower; LPWSPPROC_TABLE next; SOCKADDR_STORAGE local; SOCKADDR_STORAGE last; };
Ctx* CtxFor(SOCKET s);

int WSPAPI CtxBind(SOCKET s, const struct sockaddr FAR* name, int namelen, LPINT lpErrno)
{
    Ctx* c = CtxFor(s);
    std::memcpy(&c->local, name, namelen);
    return c->next->lpWSPBind(c->lower, name, namelen, lpErrno);
}

int WSPAPI CtxSendTo(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
                     LPDWORD lpNumberOfBytesSent, DWORD dwFlags,
                     const struct sockaddr FAR* lpTo, int iTolen,
                     LPWSAOVERLAPPED lpOverlapped,
                     LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
                     LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    Ctx* c = CtxFor(s);
    if (lpTo->sa_family == AF_INET)
        std::memcpy(&c->last, lpTo, iTolen);
    return c->next->lpWSPSendTo(c->lower, lpBuffers, dwBufferCount, lpNumberOfBytesSent,
                                dwFlags, lpTo, iTolen, lpOverlapped, lpCompletionRoutine,
                                lpThreadId, lpErrno);
}

SOCKET WSPAPI CtxJoinLeaf(SOCKET s, const struct sockaddr FAR* name, int namelen,
                          LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
                          LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    Ctx* c = CtxFor(s);
    std::memcpy(&c->last, name, namelen);
    return c->next->lpWSPJoinLeaf(c->lower, name, namelen, lpCallerData, lpCalleeData,
                                  lpSQOS, lpGQOS, dwFlags, lpErrno);
}

int WSPAPI CtxConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Ctx* c = CtxFor(s);
    if (c == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    return c->next->lpWSPConnect(c->lower, name, namelen, lpCallerData, lpCalleeData,
                                 lpSQOS, lpGQOS, lpErrno);
}

void CtxInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPBind = CtxBind;
    t->lpWSPSendTo = CtxSendTo;
    t->lpWSPJoinLeaf = CtxJoinLeaf;
    t->lpWSPConnect = CtxConnect;
}
