// The provider copies the peer's accept data when there is some, and sets the
// length only then. With no accept data the length stays as the caller's
// buffer size.
#include <winsock2.h>
#include <ws2spi.h>
#include <algorithm>
#include <cstring>
#include <vector>

struct Conn {
    std::vector<char> acceptData;
    bool connected = false;
    bool Establish(const SOCKADDR_IN& to);
};

Conn* ConnFor(SOCKET s);

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;

    Conn* c = ConnFor(s);
    if (c == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (!c->Establish(*reinterpret_cast<const SOCKADDR_IN*>(name))) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    c->connected = true;

    if (lpCalleeData != nullptr && !c->acceptData.empty()) {
        const ULONG n = std::min<ULONG>(lpCalleeData->len, static_cast<ULONG>(c->acceptData.size()));
        std::memcpy(lpCalleeData->buf, c->acceptData.data(), n);
        lpCalleeData->len = n;
    }
    return 0; // expect: callee-len-not-set
}
