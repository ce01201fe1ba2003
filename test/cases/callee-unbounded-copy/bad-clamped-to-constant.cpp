// The copy is clamped, but to the provider's own maximum, not to the size of
// the caller's buffer.
#include <winsock2.h>
#include <ws2spi.h>
#include <vector>

namespace {

constexpr ULONG kMaxPrivateData = 196;

struct RdmaConn {
    std::vector<char> repData;
    int Connect(const SOCKADDR_IN& to);
};

RdmaConn* Lookup(SOCKET s);

} // namespace

int WSPAPI RdmaConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                       LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                       LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;

    RdmaConn* c = Lookup(s);
    if (c == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (c->Connect(*reinterpret_cast<const SOCKADDR_IN*>(name)) != 0) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    if (lpCalleeData != nullptr) {
        ULONG n = static_cast<ULONG>(c->repData.size());
        if (n > kMaxPrivateData)
            n = kMaxPrivateData;
        CopyMemory(lpCalleeData->buf, c->repData.data(), n); // expect: callee-unbounded-copy
        lpCalleeData->len = n;
    }
    return 0;
}

void RdmaInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = RdmaConnect; }
