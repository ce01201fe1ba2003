// content-filter-lsp.cpp
//
// Parental-control layered provider: outgoing TCP connections are checked
// against a rule set loaded from the registry. A rule can deny the connection,
// "sinkhole" it (the application sees a connected socket whose traffic is
// dropped) or let it through. Sends on sinkholed sockets are swallowed.
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <ws2spi.h>
#include <algorithm>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

namespace filter {

enum class Verdict { Allow, Deny, Sinkhole };

struct Rule {
    ULONG network;   // network order
    ULONG mask;
    USHORT port;     // network order, 0 = any
    Verdict verdict;
};

class RuleSet {
public:
    bool Load();
    bool Loaded() const { return loaded_; }

    // Returns the verdict for the destination in sa (IPv4 only; others are allowed).
    Verdict Match(const sockaddr* sa) const
    {
        if (sa->sa_family != AF_INET)
            return Verdict::Allow;
        const auto* sin = reinterpret_cast<const sockaddr_in*>(sa);
        std::shared_lock<std::shared_mutex> lock(mutex_);
        for (const Rule& r : rules_) {
            if ((sin->sin_addr.s_addr & r.mask) == r.network &&
                (r.port == 0 || r.port == sin->sin_port))
                return r.verdict;
        }
        return Verdict::Allow;
    }

private:
    mutable std::shared_mutex mutex_;
    std::vector<Rule> rules_;
    bool loaded_ = false;
};

bool RuleSet::Load()
{
    HKEY key;
    if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\FamilyFilter", 0, KEY_READ, &key) != ERROR_SUCCESS)
        return false;

    DWORD size = 0;
    LONG st = RegQueryValueExW(key, L"Rules", nullptr, nullptr, nullptr, &size);
    if (st != ERROR_SUCCESS || size % sizeof(Rule) != 0) {
        RegCloseKey(key);
        return false;
    }
    std::vector<Rule> rules(size / sizeof(Rule));
    st = RegQueryValueExW(key, L"Rules", nullptr, nullptr, reinterpret_cast<BYTE*>(rules.data()), &size);
    RegCloseKey(key);
    if (st != ERROR_SUCCESS)
        return false;

    std::unique_lock<std::shared_mutex> lock(mutex_);
    rules_.swap(rules);
    loaded_ = true;
    return true;
}

WSPPROC_TABLE g_next;
RuleSet g_rules;
std::mutex g_sinkLock;
std::set<SOCKET> g_sinkholed;
std::once_flag g_loadOnce;

bool IsSinkholed(SOCKET s)
{
    std::lock_guard<std::mutex> guard(g_sinkLock);
    return g_sinkholed.count(s) != 0;
}

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    std::call_once(g_loadOnce, [] { g_rules.Load(); });
    if (!g_rules.Loaded()) {
        // Fail closed: without rules nothing may connect.
        OutputDebugStringA("filter: rule set unavailable, refusing connect\n");
        return SOCKET_ERROR; // expect: errno-not-set
    }

    switch (g_rules.Match(name)) { // expect: name-unchecked
    case Verdict::Allow:
        break;

    case Verdict::Deny:
        if (namelen >= static_cast<int>(sizeof(sockaddr_in)) && name->sa_family == AF_INET) {
            // Some browsers retry forever on a refusal but give up on a reset.
            *lpErrno = WSAECONNRESET; // expect: undocumented-error
        } else {
            *lpErrno = ERROR_NETWORK_ACCESS_DENIED; // expect: non-wsa-error
        }
        return SOCKET_ERROR;

    case Verdict::Sinkhole: {
        std::lock_guard<std::mutex> guard(g_sinkLock);
        g_sinkholed.insert(s);
        return NO_ERROR; // expect: callee-len-not-set
    }
    }

    return g_next.lpWSPConnect(s, name, namelen, lpCallerData, lpCalleeData,
                               lpSQOS, lpGQOS, lpErrno);
}

int WSPAPI WSPSend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
                   LPDWORD lpNumberOfBytesSent, DWORD dwFlags, LPWSAOVERLAPPED lpOverlapped,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
                   LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    if (IsSinkholed(s)) {
        DWORD total = 0;
        for (DWORD i = 0; i < dwBufferCount; ++i)
            total += lpBuffers[i].len;
        *lpNumberOfBytesSent = total;
        return 0;
    }
    return g_next.lpWSPSend(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags,
                            lpOverlapped, lpCompletionRoutine, lpThreadId, lpErrno);
}

int WSPAPI WSPRecv(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
                   LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags, LPWSAOVERLAPPED lpOverlapped,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
                   LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    if (IsSinkholed(s)) {
        // The peer "closed" the connection.
        *lpNumberOfBytesRecvd = 0;
        return 0;
    }
    return g_next.lpWSPRecv(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags,
                            lpOverlapped, lpCompletionRoutine, lpThreadId, lpErrno);
}

int WSPAPI WSPCloseSocket(SOCKET s, LPINT lpErrno)
{
    {
        std::lock_guard<std::mutex> guard(g_sinkLock);
        if (g_sinkholed.erase(s) != 0) {
            // Never connected below us; the lower socket still needs closing.
        }
    }
    return g_next.lpWSPCloseSocket(s, lpErrno);
}

int WSPAPI WSPGetPeerName(SOCKET s, struct sockaddr FAR* name, LPINT namelen, LPINT lpErrno)
{
    if (IsSinkholed(s)) {
        *lpErrno = WSAENOTCONN;
        return SOCKET_ERROR;
    }
    return g_next.lpWSPGetPeerName(s, name, namelen, lpErrno);
}


// ConnectEx goes through the same rules. It reports failures through
// WSASetLastError; it has no error-out parameter.
LPFN_CONNECTEX g_nextConnectEx = nullptr;

BOOL PASCAL FAR ExtConnectEx(SOCKET s, const struct sockaddr FAR* name, int namelen,
                             PVOID lpSendBuffer, DWORD dwSendDataLength, LPDWORD lpdwBytesSent,
                             LPOVERLAPPED lpOverlapped)
{
    switch (g_rules.Match(name)) {
    case Verdict::Deny:
        WSASetLastError(WSAECONNRESET);
        return FALSE;
    case Verdict::Sinkhole: {
        std::lock_guard<std::mutex> guard(g_sinkLock);
        g_sinkholed.insert(s);
        if (lpdwBytesSent != nullptr)
            *lpdwBytesSent = dwSendDataLength;
        return TRUE;
    }
    case Verdict::Allow:
    default:
        break;
    }
    if (g_nextConnectEx == nullptr) {
        WSASetLastError(WSAEOPNOTSUPP);
        return FALSE;
    }
    return g_nextConnectEx(s, name, namelen, lpSendBuffer, dwSendDataLength, lpdwBytesSent,
                           lpOverlapped);
}

int WSPAPI WSPIoctl(SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer,
                    LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned,
                    LPWSAOVERLAPPED lpOverlapped,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
                    LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    static const GUID connectExGuid = WSAID_CONNECTEX;

    if (dwIoControlCode == SIO_GET_EXTENSION_FUNCTION_POINTER && cbInBuffer >= sizeof(GUID)
        && std::equal(reinterpret_cast<const BYTE*>(lpvInBuffer),
                      reinterpret_cast<const BYTE*>(lpvInBuffer) + sizeof(GUID),
                      reinterpret_cast<const BYTE*>(&connectExGuid))) {
        if (cbOutBuffer < sizeof(LPFN_CONNECTEX)) {
            *lpcbBytesReturned = sizeof(LPFN_CONNECTEX);
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        if (g_nextConnectEx == nullptr) {
            DWORD bytes = 0;
            int rc = g_next.lpWSPIoctl(s, dwIoControlCode, lpvInBuffer, cbInBuffer,
                                       &g_nextConnectEx, sizeof(g_nextConnectEx), &bytes,
                                       nullptr, nullptr, lpThreadId, lpErrno);
            if (rc == SOCKET_ERROR)
                return SOCKET_ERROR;
        }
        *reinterpret_cast<LPFN_CONNECTEX*>(lpvOutBuffer) = &ExtConnectEx;
        *lpcbBytesReturned = sizeof(LPFN_CONNECTEX);
        return 0;
    }

    return g_next.lpWSPIoctl(s, dwIoControlCode, lpvInBuffer, cbInBuffer, lpvOutBuffer,
                             cbOutBuffer, lpcbBytesReturned, lpOverlapped, lpCompletionRoutine,
                             lpThreadId, lpErrno);
}

// Datagrams to denied destinations are dropped silently (reported as sent).
int WSPAPI WSPSendTo(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
                     LPDWORD lpNumberOfBytesSent, DWORD dwFlags,
                     const struct sockaddr FAR* lpTo, int iTolen,
                     LPWSAOVERLAPPED lpOverlapped,
                     LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
                     LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    if (lpTo != nullptr && iTolen >= static_cast<int>(sizeof(sockaddr_in))
        && g_rules.Match(lpTo) != Verdict::Allow) {
        DWORD total = 0;
        for (DWORD i = 0; i < dwBufferCount; ++i)
            total += lpBuffers[i].len;
        *lpNumberOfBytesSent = total;
        return 0;
    }
    return g_next.lpWSPSendTo(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpTo,
                              iTolen, lpOverlapped, lpCompletionRoutine, lpThreadId, lpErrno);
}

} // namespace filter

extern "C" int WSPAPI WSPStartup(WORD wVersion, LPWSPDATA lpWSPData,
                                 LPWSAPROTOCOL_INFOW lpProtocolInfo,
                                 WSPUPCALLTABLE UpCallTable, LPWSPPROC_TABLE lpProcTable)
{
    extern int LoadNextProvider(WORD, LPWSPDATA, LPWSAPROTOCOL_INFOW, WSPUPCALLTABLE,
                                LPWSPPROC_TABLE);

    int rc = LoadNextProvider(wVersion, lpWSPData, lpProtocolInfo, UpCallTable, &filter::g_next);
    if (rc != 0)
        return rc;

    *lpProcTable = filter::g_next;
    lpProcTable->lpWSPConnect = filter::WSPConnect;
    lpProcTable->lpWSPSend = filter::WSPSend;
    lpProcTable->lpWSPRecv = filter::WSPRecv;
    lpProcTable->lpWSPCloseSocket = filter::WSPCloseSocket;
    lpProcTable->lpWSPGetPeerName = filter::WSPGetPeerName;
    lpProcTable->lpWSPIoctl = filter::WSPIoctl;
    lpProcTable->lpWSPSendTo = filter::WSPSendTo;
    return 0;
}
