// C++ providers after the corpus' shapes: a singleton class whose static members are installed with
// `&Class::Member`, a RAII reference to the socket context, a failure lambda, try/catch around the lower call.

/** @typedef {import('./styles-c.mjs').Ctx} Ctx */

const MARK = (rule) => ` /* planted: ${rule} */`;

/** @param {Ctx} c @returns {{ header: string, source: string }} */
export function cppProvider(c) {
  const { P, r } = c;
  const catchBug = c.bugs('errno-not-set', 0.3);
  const retBug = c.bugs('bad-return-value', 0.2);
  const nullBug = c.bugs('callee-null-deref', 0.25);
  const cls = `C${P}Provider`;
  const maxRetries = r.int(1, 4);
  const header = `#pragma once
#include <winsock2.h>
#include <ws2spi.h>
#include <unordered_map>

namespace ${P.toLowerCase()} {

struct SocketContext {
    SOCKET lower = INVALID_SOCKET;
    LONG refs = 1;
    bool connected = false;
    int lastError = 0;
};

class Lock {
public:
    explicit Lock(CRITICAL_SECTION& cs) : cs_(cs) { EnterCriticalSection(&cs_); }
    ~Lock() { LeaveCriticalSection(&cs_); }
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

private:
    CRITICAL_SECTION& cs_;
};

class ContextRef {
public:
    explicit ContextRef(SocketContext* ctx) : ctx_(ctx) {}
    ~ContextRef() { if (ctx_ != nullptr) InterlockedDecrement(&ctx_->refs); }
    ContextRef(const ContextRef&) = delete;
    ContextRef& operator=(const ContextRef&) = delete;
    SocketContext* operator->() const { return ctx_; }
    explicit operator bool() const { return ctx_ != nullptr; }

private:
    SocketContext* ctx_;
};

class ${cls} {
public:
    static ${cls}& Instance();

    int Startup(WORD version, LPWSPDATA data, WSPUPCALLTABLE upcalls, LPWSPPROC_TABLE table);

    static int WSPAPI Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                              LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                              LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
    static int WSPAPI CloseSocket(SOCKET s, LPINT lpErrno);

    SocketContext* Lookup(SOCKET s);

private:
    CRITICAL_SECTION lock_{};
    std::unordered_map<SOCKET, SocketContext*> sockets_;
    WSPPROC_TABLE next_{};
    WSPUPCALLTABLE upcalls_{};
};

} // namespace ${P.toLowerCase()}
`;
  const source = `#include "${P.toLowerCase()}_provider.hpp"
#include <cstring>
#include <new>

namespace ${P.toLowerCase()} {

${cls}& ${cls}::Instance()
{
    static ${cls} instance;
    return instance;
}

SocketContext* ${cls}::Lookup(SOCKET s)
{
    Lock guard(lock_);
    auto it = sockets_.find(s);
    if (it == sockets_.end()) {
        return nullptr;
    }
    InterlockedIncrement(&it->second->refs);
    return it->second;
}

int WSPAPI ${cls}::Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                           LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                           LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    auto fail = [lpErrno](int code) {
        *lpErrno = code;
        return SOCKET_ERROR;
    };
    ${cls}& self = Instance();
    ContextRef ctx(self.Lookup(s));
    if (!ctx) {
        return fail(WSAENOTSOCK);
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(sockaddr_in))) {
        return fail(WSAEFAULT);
    }
    if (ctx->connected) {
        return ${retBug ? `TRUE;${MARK('bad-return-value')}` : 'fail(WSAEISCONN);'}
    }
    int rc = SOCKET_ERROR;
    for (int attempt = 0; attempt < ${maxRetries}; ++attempt) {
        try {
            rc = self.next_.lpWSPConnect(ctx->lower, name, namelen, lpCallerData, lpCalleeData,
                                         lpSQOS, lpGQOS, lpErrno);
        } catch (const std::bad_alloc&) {
            return fail(WSAENOBUFS);
        } catch (...) {
${catchBug ? '' : '            *lpErrno = WSAENETDOWN;\n'}            return SOCKET_ERROR;${catchBug ? MARK('errno-not-set') : ''}
        }
        if (rc == 0 || *lpErrno != WSAETIMEDOUT) {
            break;
        }
    }
    if (rc == 0) {
        ctx->connected = true;
${nullBug ? `        lpCalleeData->len = 0;${MARK('callee-null-deref')}` : '        if (lpCalleeData != nullptr) {\n            lpCalleeData->len = 0;\n        }'}
    }
    return rc;
}

int WSPAPI ${cls}::CloseSocket(SOCKET s, LPINT lpErrno)
{
    ${cls}& self = Instance();
    SocketContext* ctx = nullptr;
    {
        Lock guard(self.lock_);
        auto it = self.sockets_.find(s);
        if (it == self.sockets_.end()) {
            *lpErrno = WSAENOTSOCK;
            return SOCKET_ERROR;
        }
        ctx = it->second;
        self.sockets_.erase(it);
    }
    int rc = self.next_.lpWSPCloseSocket(ctx->lower, lpErrno);
    delete ctx;
    return rc;
}

int ${cls}::Startup(WORD version, LPWSPDATA data, WSPUPCALLTABLE upcalls, LPWSPPROC_TABLE table)
{
    if (LOBYTE(version) < 2) {
        return WSAVERNOTSUPPORTED;
    }
    upcalls_ = upcalls;
    data->wVersion = MAKEWORD(2, 2);
    data->wHighVersion = MAKEWORD(2, 2);
    *table = next_;
    table->lpWSPConnect = &${cls}::Connect;
    table->lpWSPCloseSocket = &${cls}::CloseSocket;
    return 0;
}

} // namespace ${P.toLowerCase()}
`;
  return { header, source };
}
