// Sockets Direct style provider: the REP message's private data is returned
// through sdp::ReturnPrivateData (reply.cpp), which writes callee->len on
// every path where callee is non-null.
#include <ws2spi.h>
#include "reply.hpp"

namespace sdp {

struct Connection {
    std::vector<char> repPrivateData;
    bool established = false;
    int SendReqWaitRep(const SOCKADDR_IN& to, const char* data, ULONG len);
};

Connection* FromSocket(SOCKET s);

class Provider {
public:
    static int WSPAPI Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                              LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                              LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
};

int WSPAPI Provider::Connect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                             LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                             LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpGQOS;
    Connection* c = FromSocket(s);
    if (c == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lpSQOS != nullptr) {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (lpCallerData != nullptr && lpCallerData->len > 56) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    const SOCKADDR_IN& to = *reinterpret_cast<const SOCKADDR_IN*>(name);
    int st = c->SendReqWaitRep(to, lpCallerData ? lpCallerData->buf : nullptr,
                               lpCallerData ? lpCallerData->len : 0);
    if (st != 0) {
        *lpErrno = st > 0 ? WSAETIMEDOUT : WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    c->established = true;
    ReturnPrivateData(c->repPrivateData, lpCalleeData);
    return 0;
}

} // namespace sdp

extern "C" void SdpInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = &sdp::Provider::Connect;
}
