// C++ copies bounded with std::min inside std::copy_n and a manual index loop.
#include <winsock2.h>
#include <ws2spi.h>
#include <algorithm>
#include <array>

struct Link {
    std::array<char, 300> hello{};
    size_t helloLen = 0;
    bool Open(const sockaddr* to, int tolen);
};

Link* LinkFor(SOCKET s);

int WSPAPI LinkConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                       LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                       LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;

    Link* link = LinkFor(s);
    if (link == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(sockaddr))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (!link->Open(name, namelen)) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    if (lpCalleeData != nullptr) {
        const size_t n = std::min<size_t>(link->helloLen, lpCalleeData->len);
        std::copy_n(link->hello.begin(), n, lpCalleeData->buf);
        for (size_t i = n; i < lpCalleeData->len; ++i)
            lpCalleeData->buf[i] = '\0';
        lpCalleeData->len = static_cast<ULONG>(n);
    }
    return 0;
}

void LinkInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = LinkConnect; }
