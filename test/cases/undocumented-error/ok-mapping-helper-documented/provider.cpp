// Winsock Direct style provider: connection manager status is translated by a
// helper in errmap.cpp that only yields documented codes; failures use the
// FailWith template from errmap.hpp.
#include <ws2spi.h>
#include "errmap.hpp"

namespace wd {

struct Qp;
struct WdSocket {
    enum { kBound, kConnecting, kConnected, kListening } state;
    Qp* qp;
    SOCKADDR_IN peer;
};

CmStatus CmConnect(Qp* qp, const SOCKADDR_IN& to);

class WdProvider {
public:
    static int WSPAPI Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                              LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                              LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
};

int WSPAPI WdProvider::Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                               LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                               LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpGQOS;
    auto* sock = reinterpret_cast<WdSocket*>(s);

    if (lpCallerData != nullptr)
        return FailWith(lpErrno, WSAEPROTONOSUPPORT);
    if (lpSQOS != nullptr)
        return FailWith(lpErrno, WSAEOPNOTSUPP);
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN)))
        return FailWith(lpErrno, WSAEFAULT);
    if (sock->state == WdSocket::kListening)
        return FailWith(lpErrno, WSAEINVAL);
    if (sock->state == WdSocket::kConnected)
        return FailWith(lpErrno, WSAEISCONN);
    if (sock->state == WdSocket::kConnecting)
        return FailWith(lpErrno, WSAEALREADY);

    sock->peer = *reinterpret_cast<const SOCKADDR_IN*>(name);
    CmStatus st = CmConnect(sock->qp, sock->peer);
    if (st != CmStatus::Ok) {
        *lpErrno = ConnectErrorFor(st);
        return SOCKET_ERROR;
    }

    sock->state = WdSocket::kConnected;
    if (lpCalleeData != nullptr)
        lpCalleeData->len = 0;
    return 0;
}

} // namespace wd

extern "C" void WdFillProcTable(LPWSPPROC_TABLE table)
{
    table->lpWSPConnect = &wd::WdProvider::Connect;
}
