// redirect-lsp: a C++ layered provider that sends connections for one
// destination port to a local debugging proxy. Its WSPConnect has two
// contract bugs that `npm start` points out; everything else is forwarded.
#include <winsock2.h>
#include <ws2spi.h>
#include <cstring>
#include <mutex>
#include <unordered_map>

class Redirector {
public:
    static Redirector& Get()
    {
        static Redirector instance;
        return instance;
    }

    static int WSPAPI Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                              LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                              LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);

    void Install(LPWSPPROC_TABLE table)
    {
        next_ = *table;
        table->lpWSPConnect = &Redirector::Connect;
    }

private:
    bool ProxyUp() const { return proxyUp_; }

    WSPPROC_TABLE next_{};
    USHORT watchedPort_ = htons(443);
    USHORT proxyPort_ = htons(8888);
    bool proxyUp_ = true;
    std::mutex lock_;
    std::unordered_map<SOCKET, SOCKADDR_IN> original_;
};

int WSPAPI Redirector::Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                               LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                               LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Redirector& self = Get();

    // Only IPv4 destinations with a complete address are candidates.
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))
        || name->sa_family != AF_INET) {
        return self.next_.lpWSPConnect(s, name, namelen, lpCallerData, lpCalleeData,
                                       lpSQOS, lpGQOS, lpErrno);
    }

    const auto* target = reinterpret_cast<const SOCKADDR_IN*>(name);
    if (target->sin_port != self.watchedPort_) {
        return self.next_.lpWSPConnect(s, name, namelen, lpCallerData, lpCalleeData,
                                       lpSQOS, lpGQOS, lpErrno);
    }

    // Bug: the proxy cannot carry connect data, but lpCallerData may be NULL.
    if (lpCallerData->len != 0) {
        *lpErrno = WSAEPROTONOSUPPORT;
        return SOCKET_ERROR;
    }

    if (!self.ProxyUp()) {
        // Bug: WSAEHOSTUNREACH is not a WSPConnect code (WSAENETUNREACH is).
        *lpErrno = WSAEHOSTUNREACH;
        return SOCKET_ERROR;
    }

    {
        std::lock_guard<std::mutex> guard(self.lock_);
        self.original_[s] = *target;
    }

    SOCKADDR_IN proxy{};
    proxy.sin_family = AF_INET;
    proxy.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    proxy.sin_port = self.proxyPort_;
    return self.next_.lpWSPConnect(s, reinterpret_cast<const sockaddr*>(&proxy),
                                   static_cast<int>(sizeof(proxy)), lpCallerData, lpCalleeData,
                                   lpSQOS, lpGQOS, lpErrno);
}

extern "C" int WSPAPI WSPStartup(WORD wVersion, LPWSPDATA lpWSPData,
                                 LPWSAPROTOCOL_INFOW lpProtocolInfo,
                                 WSPUPCALLTABLE UpCallTable, LPWSPPROC_TABLE lpProcTable)
{
    extern int LoadLowerProvider(WORD, LPWSPDATA, LPWSAPROTOCOL_INFOW, WSPUPCALLTABLE,
                                 LPWSPPROC_TABLE);
    int rc = LoadLowerProvider(wVersion, lpWSPData, lpProtocolInfo, UpCallTable, lpProcTable);
    if (rc != 0)
        return rc;
    Redirector::Get().Install(lpProcTable);
    return 0;
}
