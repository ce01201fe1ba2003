// socks-redirect-lsp.cpp
//
// A layered provider that sends selected TCP connections through a SOCKS5
// proxy. The provider object is a singleton; its entry points are static
// members installed into the proc table that WSPStartup returns.
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace {

void LogF(const char* fmt, ...)
{
    char line[512];
    va_list args;
    va_start(args, fmt);
    _vsnprintf_s(line, sizeof(line), _TRUNCATE, fmt, args);
    va_end(args);
    OutputDebugStringA(line);
}

struct RedirectRule {
    ULONG network;
    ULONG mask;
    USHORT port;   // network order, 0 = any
};

class RedirectRules {
public:
    bool Load(HKEY root)
    {
        HKEY key;
        if (RegOpenKeyExW(root, L"SOFTWARE\\SocksLsp", 0, KEY_READ, &key) != ERROR_SUCCESS)
            return false;
        DWORD size = 0;
        if (RegQueryValueExW(key, L"Rules", nullptr, nullptr, nullptr, &size) == ERROR_SUCCESS
            && size % sizeof(RedirectRule) == 0) {
            rules_.resize(size / sizeof(RedirectRule));
            RegQueryValueExW(key, L"Rules", nullptr, nullptr,
                             reinterpret_cast<BYTE*>(rules_.data()), &size);
        }
        DWORD proxy = 0, psize = sizeof(proxy);
        if (RegQueryValueExW(key, L"Proxy", nullptr, nullptr, reinterpret_cast<BYTE*>(&proxy),
                             &psize) == ERROR_SUCCESS) {
            proxy_.sin_family = AF_INET;
            proxy_.sin_addr.s_addr = proxy;
            proxy_.sin_port = htons(1080);
        }
        RegCloseKey(key);
        return true;
    }

    bool ShouldProxy(ULONG ip, USHORT port) const
    {
        for (const RedirectRule& r : rules_) {
            if ((ip & r.mask) == r.network && (r.port == 0 || r.port == port))
                return proxy_.sin_family == AF_INET;
        }
        return false;
    }

    SOCKADDR_IN ProxyAddress() const { return proxy_; }

private:
    std::vector<RedirectRule> rules_;
    SOCKADDR_IN proxy_{};
};

// SOCKS5 reply codes (RFC 1928, section 6).
int SocksReplyToWsa(unsigned char rep)
{
    switch (rep) {
    case 0x01: return WSAENETDOWN;      // general SOCKS server failure
    case 0x02: return WSAEACCES;        // connection not allowed by ruleset
    case 0x03: return WSAENETUNREACH;   // network unreachable
    case 0x04: return WSAEHOSTUNREACH;  // host unreachable
    case 0x05: return WSAECONNREFUSED;  // connection refused
    case 0x06: return WSAETIMEDOUT;     // TTL expired
    case 0x07:                          // command not supported
    case 0x08: return WSAEAFNOSUPPORT;  // address type not supported
    default:   return -1;
    }
}

} // namespace

class CSocketProvider {
public:
    static CSocketProvider* Instance()
    {
        static CSocketProvider instance;
        return &instance;
    }

    int Initialize(WORD wVersion, LPWSPDATA lpWSPData, LPWSAPROTOCOL_INFOW lpProtocolInfo,
                   WSPUPCALLTABLE UpCallTable, LPWSPPROC_TABLE lpProcTable);

    static int WSPAPI Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                              LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                              LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
    static int WSPAPI ConnectV6(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
    static int WSPAPI CloseSocket(SOCKET s, LPINT lpErrno);
    static int WSPAPI GetPeerName(SOCKET s, struct sockaddr FAR* name, LPINT namelen,
                                  LPINT lpErrno);

private:
    CSocketProvider() = default;

    HMODULE m_nextModule = nullptr;
    WSPPROC_TABLE m_next{};
    WSPUPCALLTABLE m_upcalls{};
    RedirectRules m_rules;
    bool m_proxyV6 = false;
    std::mutex m_lock;
    std::unordered_map<SOCKET, SOCKADDR_IN> m_original;
};

int WSPAPI CSocketProvider::Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                    LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                    LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    CSocketProvider* self = Instance();

    const ULONG dstIp = reinterpret_cast<const sockaddr_in*>(name)->sin_addr.s_addr; // expect: name-unchecked
    const USHORT dstPort = reinterpret_cast<const sockaddr_in*>(name)->sin_port;

    if (name->sa_family != AF_INET || !self->m_rules.ShouldProxy(dstIp, dstPort)) {
        return self->m_next.lpWSPConnect(s, name, namelen, lpCallerData, lpCalleeData,
                                         lpSQOS, lpGQOS, lpErrno);
    }

    if (lpCallerData != nullptr && lpCallerData->len != 0) {
        // SOCKS has no way to carry connect data
        *lpErrno = WSAEPROTONOSUPPORT;
        return SOCKET_ERROR;
    }

    SOCKADDR_IN proxy = self->m_rules.ProxyAddress();
    int rc = self->m_next.lpWSPConnect(s, reinterpret_cast<const sockaddr*>(&proxy),
                                       static_cast<int>(sizeof(proxy)), nullptr, nullptr,
                                       lpSQOS, lpGQOS, lpErrno);
    if (rc == SOCKET_ERROR)
        return SOCKET_ERROR;

    {
        std::lock_guard<std::mutex> guard(self->m_lock);
        self->m_original[s] = *reinterpret_cast<const SOCKADDR_IN*>(name);
    }

    // Greeting with "no authentication", then the CONNECT request.
    char greeting[3] = { 0x05, 0x01, 0x00 };
    char request[10] = { 0x05, 0x01, 0x00, 0x01 };
    std::memcpy(&request[4], &dstIp, 4);
    std::memcpy(&request[8], &dstPort, 2);

    WSABUF out[2] = { { sizeof(greeting), greeting }, { sizeof(request), request } };
    DWORD sent = 0;
    int sendErr = 0;
    if (self->m_next.lpWSPSend(s, out, 2, &sent, 0, nullptr, nullptr, nullptr, &sendErr) == SOCKET_ERROR) {
        LogF("socks: request failed: %d\n", sendErr);
        return SOCKET_ERROR; // expect: errno-not-set
    }

    // Pipelined replies: method selection (VER, METHOD), then VER, REP, RSV, ATYP, addr, port.
    char reply[12] = {};
    WSABUF in = { sizeof(reply), reply };
    DWORD got = 0, flags = 0;
    if (self->m_next.lpWSPRecv(s, &in, 1, &got, &flags, nullptr, nullptr, nullptr, lpErrno) == SOCKET_ERROR)
        return SOCKET_ERROR;

    if (got < 4 || reply[0] != 0x05 || reply[2] != 0x05) {
        LogF("socks: malformed reply (%lu bytes)\n", got);
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    if (reply[3] != 0x00) {
        *lpErrno = SocksReplyToWsa(static_cast<unsigned char>(reply[3])); // expect: undocumented-error, non-wsa-error
        return SOCKET_ERROR;
    }

    LogF("socks: %08lx:%u connected through proxy\n", ntohl(dstIp), ntohs(dstPort));
    return 0; // expect: callee-len-not-set
}

int WSPAPI CSocketProvider::ConnectV6(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    CSocketProvider* self = Instance();

    if (self->m_proxyV6 && name != nullptr && namelen >= static_cast<int>(sizeof(SOCKADDR_IN6))
        && name->sa_family == AF_INET6) {
        // Proxying IPv6 is configured but not implemented by this build.
        *lpErrno = WSAEAFNOSUPPORT;
        return SOCKET_ERROR;
    }

    return self->m_next.lpWSPConnect(s, name, namelen, lpCallerData, lpCalleeData,
                                     lpSQOS, lpGQOS, lpErrno);
}

int WSPAPI CSocketProvider::CloseSocket(SOCKET s, LPINT lpErrno)
{
    CSocketProvider* self = Instance();
    {
        std::lock_guard<std::mutex> guard(self->m_lock);
        self->m_original.erase(s);
    }
    return self->m_next.lpWSPCloseSocket(s, lpErrno);
}

int WSPAPI CSocketProvider::GetPeerName(SOCKET s, struct sockaddr FAR* name, LPINT namelen,
                                        LPINT lpErrno)
{
    CSocketProvider* self = Instance();
    std::unique_lock<std::mutex> guard(self->m_lock);
    auto it = self->m_original.find(s);
    if (it == self->m_original.end()) {
        guard.unlock();
        return self->m_next.lpWSPGetPeerName(s, name, namelen, lpErrno);
    }

    __try {
        if (*namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
            *namelen = sizeof(SOCKADDR_IN);
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        std::memcpy(name, &it->second, sizeof(SOCKADDR_IN));
        *namelen = sizeof(SOCKADDR_IN);
    }
    __except (EXCEPTION_EXECUTE_HANDLER) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    return 0;
}

int CSocketProvider::Initialize(WORD wVersion, LPWSPDATA lpWSPData,
                                LPWSAPROTOCOL_INFOW lpProtocolInfo,
                                WSPUPCALLTABLE UpCallTable, LPWSPPROC_TABLE lpProcTable)
{
    int result = 0;
    WCHAR path[MAX_PATH];
    INT pathLen = MAX_PATH;
    int err = 0;

    m_upcalls = UpCallTable;
    m_rules.Load(HKEY_LOCAL_MACHINE);

    do {
        // The next entry of our protocol chain is the provider we layer over.
        DWORD nextId = lpProtocolInfo->ProtocolChain.ChainEntries[1];
        GUID nextGuid{};
        if (WSCGetProviderPath(&nextGuid, path, &pathLen, &err) == SOCKET_ERROR) {
            result = WSAEPROVIDERFAILEDINIT;
            break;
        }
        (void)nextId;

        WCHAR expanded[MAX_PATH];
        if (ExpandEnvironmentStringsW(path, expanded, MAX_PATH) == 0) {
            result = WSAEPROVIDERFAILEDINIT;
            break;
        }
        m_nextModule = LoadLibraryW(expanded);
        if (m_nextModule == nullptr) {
            result = WSAEPROVIDERFAILEDINIT;
            break;
        }
        auto nextStartup = reinterpret_cast<LPWSPSTARTUP>(GetProcAddress(m_nextModule, "WSPStartup"));
        if (nextStartup == nullptr) {
            result = WSAEPROVIDERFAILEDINIT;
            break;
        }
        result = nextStartup(wVersion, lpWSPData, lpProtocolInfo, UpCallTable, &m_next);
        if (result != 0)
            break;

        *lpProcTable = m_next;
        if (lpProtocolInfo->iAddressFamily == AF_INET6)
            lpProcTable->lpWSPConnect = &CSocketProvider::ConnectV6;
        else
            lpProcTable->lpWSPConnect = &CSocketProvider::Connect;
        lpProcTable->lpWSPCloseSocket = &CSocketProvider::CloseSocket;
        lpProcTable->lpWSPGetPeerName = &CSocketProvider::GetPeerName;
    } while (false);

    return result;
}

extern "C" int WSPAPI WSPStartup(WORD wVersion, LPWSPDATA lpWSPData,
                                 LPWSAPROTOCOL_INFOW lpProtocolInfo,
                                 WSPUPCALLTABLE UpCallTable, LPWSPPROC_TABLE lpProcTable)
{
    return CSocketProvider::Instance()->Initialize(wVersion, lpWSPData, lpProtocolInfo,
                                                   UpCallTable, lpProcTable);
}
