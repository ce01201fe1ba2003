// Lambdas and a local functor inside the connect entry return bools and
// counts; only the enclosing function's own returns are judged.
#include <winsock2.h>
#include <ws2spi.h>
#include <algorithm>
#include <vector>

struct Rule { ULONG addr; USHORT port; bool deny; };

struct Fw {
    SOCKET lower;
    LPWSPPROC_TABLE next;
    std::vector<Rule> rules;
};

Fw* FwFor(SOCKET s);

int WSPAPI FwConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                     LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                     LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Fw* fw = FwFor(s);
    if (fw == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (name != nullptr && namelen >= static_cast<int>(sizeof(SOCKADDR_IN))
        && name->sa_family == AF_INET) {
        const auto* sin = reinterpret_cast<const SOCKADDR_IN*>(name);
        auto matches = [sin](const Rule& r) {
            if (r.addr != sin->sin_addr.s_addr)
                return false;
            return r.port == 0 || r.port == sin->sin_port;
        };
        auto denyCount = [&]() -> int {
            return static_cast<int>(std::count_if(fw->rules.begin(), fw->rules.end(),
                [&](const Rule& r) { return r.deny && matches(r); }));
        };
        if (denyCount() > 0) {
            *lpErrno = WSAEACCES;
            return SOCKET_ERROR;
        }
    }

    return fw->next->lpWSPConnect(fw->lower, name, namelen, lpCallerData, lpCalleeData,
                                  lpSQOS, lpGQOS, lpErrno);
}

void FwInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = FwConnect; }
