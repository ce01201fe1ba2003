// Both checks come first (in either order, in one condition or two); after
// them the address may be read and copied with a fixed size.
#include <winsock2.h>
#include <ws2ipdef.h>
#include <ws2spi.h>
#include <cstring>

struct V6Sock {
    SOCKADDR_IN6 peer;
    bool connected;
    int Dial();
};

V6Sock* V6Find(SOCKET s);

int WSPAPI V6Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                     LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                     LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;

    V6Sock* vs = V6Find(s);
    if (!vs) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (namelen < static_cast<int>(sizeof(SOCKADDR_IN6))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (name == nullptr) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (name->sa_family != AF_INET6) {
        *lpErrno = WSAEAFNOSUPPORT;
        return SOCKET_ERROR;
    }

    std::memcpy(&vs->peer, name, sizeof(vs->peer));
    if (IN6_IS_ADDR_UNSPECIFIED(&vs->peer.sin6_addr)) {
        *lpErrno = WSAEADDRNOTAVAIL;
        return SOCKET_ERROR;
    }
    if (vs->Dial() != 0) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    vs->connected = true;
    if (lpCalleeData)
        lpCalleeData->len = 0;
    return 0;
}

void V6Install(LPWSPPROC_TABLE t) { t->lpWSPConnect = V6Connect; }
