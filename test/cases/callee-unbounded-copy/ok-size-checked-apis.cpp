// Copies whose destination size argument is lpCalleeData->len: memcpy_s,
// StringCbCopyA, and memcpy of exactly lpCalleeData->len bytes from a source
// known to be at least that long.
#include <winsock2.h>
#include <ws2spi.h>
#include <strsafe.h>
#include <cstring>
#include <string>

struct Greeter {
    std::string motd;
    std::string token;
    bool useToken = false;
    int Hello(const sockaddr* to, int tolen);
};

Greeter* GreeterFor(SOCKET s);

int WSPAPI GreeterConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                          LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                          LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;

    Greeter* g = GreeterFor(s);
    if (!g) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (!name || namelen < static_cast<int>(sizeof(sockaddr))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (g->Hello(name, namelen) != 0) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    if (!lpCalleeData)
        return 0;

    if (g->useToken) {
        if (memcpy_s(lpCalleeData->buf, lpCalleeData->len, g->token.data(), g->token.size()) != 0) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        lpCalleeData->len = static_cast<ULONG>(g->token.size());
        return 0;
    }

    if (g->motd.size() >= lpCalleeData->len) {
        const ULONG room = lpCalleeData->len;
        std::memcpy(lpCalleeData->buf, g->motd.data(), room);
        lpCalleeData->len = room;
        return 0;
    }

    if (FAILED(StringCbCopyA(lpCalleeData->buf, lpCalleeData->len, g->motd.c_str()))) {
        lpCalleeData->len = 0;
        return 0;
    }
    lpCalleeData->len = static_cast<ULONG>(g->motd.size());
    return 0;
}

void GreeterInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = GreeterConnect; }
