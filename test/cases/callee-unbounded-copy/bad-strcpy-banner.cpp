// The server banner is handed back as connect data with strcpy.
#include <winsock2.h>
#include <ws2spi.h>
#include <cstring>
#include <string>

struct BannerConn {
    std::string banner;
    bool Open(const sockaddr* to, int tolen);
};

BannerConn* BannerLookup(SOCKET s);

int WSPAPI BannerConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                         LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                         LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;

    BannerConn* bc = BannerLookup(s);
    if (!bc) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (!name || namelen < static_cast<int>(sizeof(sockaddr))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (!bc->Open(name, namelen)) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    if (lpCalleeData) {
        std::strcpy(lpCalleeData->buf, bc->banner.c_str()); // expect: callee-unbounded-copy
        lpCalleeData->len = static_cast<ULONG>(bc->banner.size());
    }
    return 0;
}

void BannerInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = BannerConnect; }
