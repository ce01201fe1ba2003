// A compatibility shim LSP: failures go through shim::StoreError (errors.cpp).
// The timeout path hands it the POSIX name.
#include <cerrno>
#include <chrono>
#include <ws2spi.h>
#include "errors.hpp"

namespace shim {

struct ShimSocket {
    SOCKET lower;
    LPWSPPROC_TABLE next;
    std::chrono::steady_clock::time_point deadline;
};

ShimSocket* Lookup(SOCKET s);

int WSPAPI ShimConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                       LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                       LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    ShimSocket* sock = Lookup(s);
    if (sock == nullptr) {
        StoreError(lpErrno, WSAENOTSOCK);
        return SOCKET_ERROR;
    }
    if (std::chrono::steady_clock::now() > sock->deadline) {
        StoreError(lpErrno, ETIMEDOUT); // expect: non-wsa-error
        return SOCKET_ERROR;
    }
    return sock->next->lpWSPConnect(sock->lower, name, namelen, lpCallerData,
                                    lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}

} // namespace shim

extern "C" void ShimInstall(LPWSPPROC_TABLE table)
{
    table->lpWSPConnect = shim::ShimConnect;
}
