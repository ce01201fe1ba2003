// provider.cpp - Network Direct style base provider: the SPI entry points.
//
// IPv4 and IPv6 catalog entries get different proc tables: the IPv4 table is
// filled at startup, the IPv6 one is a constant table.
#include "endpoint.hpp"
#include <ws2spi.h>
#include <algorithm>
#include <cstring>
#include <new>

namespace nd {

class Provider {
public:
    static SOCKET WSPAPI Socket(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info,
                                GROUP g, DWORD flags, LPINT lpErrno);
    static int WSPAPI Bind(SOCKET s, const struct sockaddr FAR* name, int namelen, LPINT lpErrno);
    static int WSPAPI CloseSocket(SOCKET s, LPINT lpErrno);
    static int WSPAPI Cleanup(LPINT lpErrno);
    static int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
    static int WSPAPI Connect6(SOCKET s, const struct sockaddr FAR* name, int namelen,
                               LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                               LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);

    static void FillTable4(LPWSPPROC_TABLE table);
    static const WSPPROC_TABLE kTable6;

    static WSPUPCALLTABLE upcalls;
    static DWORD catalogId;
};

WSPUPCALLTABLE Provider::upcalls;
DWORD Provider::catalogId;

SOCKET WSPAPI Provider::Socket(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info,
                               GROUP g, DWORD flags, LPINT lpErrno)
{
    (void)protocol; (void)info; (void)g; (void)flags;
    if ((af != AF_INET && af != AF_INET6) || type != SOCK_STREAM) {
        *lpErrno = WSAESOCKTNOSUPPORT;
        return INVALID_SOCKET;
    }
    Endpoint* ep = new (std::nothrow) Endpoint;
    if (ep == nullptr) {
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    ep->family = af;
    SOCKET s = upcalls.lpWPUCreateSocketHandle(catalogId, reinterpret_cast<DWORD_PTR>(ep), lpErrno);
    if (s == INVALID_SOCKET)
        ep->Release();
    return s;
}

int WSPAPI Provider::Bind(SOCKET s, const struct sockaddr FAR* name, int namelen, LPINT lpErrno)
{
    Ref<Endpoint> ep(LookupEndpoint(s));
    if (!ep) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    const int need = ep->family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
    if (name == nullptr || namelen < need) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (ep->state != Endpoint::State::Created) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    std::memcpy(&ep->local, name, need);
    ep->state = Endpoint::State::Bound;
    return 0;
}

int WSPAPI Provider::CloseSocket(SOCKET s, LPINT lpErrno)
{
    Endpoint* ep = LookupEndpoint(s);
    if (ep == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    ep->state = Endpoint::State::Closed;
    ep->Release();  // lookup reference
    ep->Release();  // creation reference
    return upcalls.lpWPUCloseSocketHandle(s, lpErrno);
}

int WSPAPI Provider::Cleanup(LPINT lpErrno)
{
    (void)lpErrno;
    return 0;
}

int WSPAPI Provider::WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpGQOS;
    auto fail = [lpErrno](int code) {
        *lpErrno = code;
        return SOCKET_ERROR;
    };

    Ref<Endpoint> ep(LookupEndpoint(s));
    if (!ep)
        return fail(WSAENOTSOCK);

    switch (ep->state) {
    case Endpoint::State::Created:
    case Endpoint::State::Bound:
        break;
    case Endpoint::State::Listening:
        return fail(WSAEINVAL);
    case Endpoint::State::Connecting:
        return fail(WSAEALREADY);
    case Endpoint::State::Connected:
        return fail(WSAEISCONN);
    default:
        return fail(WSAENOTSOCK);
    }

    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN)))
        return fail(WSAEFAULT);
    if (name->sa_family != AF_INET)
        return fail(WSAEAFNOSUPPORT);
    if (lpSQOS != nullptr)
        return fail(WSAEOPNOTSUPP);

    const unsigned long privLen = lpCallerData ? lpCallerData->len : 0;
    if (privLen > sizeof(PrivateData::bytes))
        return fail(WSAEFAULT);

    if (ep->qp == nullptr && !ep->CreateQp())
        return SOCKET_ERROR; // expect: errno-not-set

    SOCKADDR_INET to{};
    std::memcpy(&to.Ipv4, name, sizeof(SOCKADDR_IN));

    ep->state = Endpoint::State::Connecting;
    const CmStatus st = cm::Connect(*ep, to, lpCallerData ? lpCallerData->buf : nullptr,
                                    privLen, &ep->rep);
    if (st != CmStatus::Ok) {
        if (st != CmStatus::Pending)
            ep->state = Endpoint::State::Bound;
        *lpErrno = cm::ToWinsock(st); // expect: undocumented-error
        return SOCKET_ERROR;
    }

    ep->state = Endpoint::State::Connected;
    if (lpCalleeData != nullptr) {
        std::memcpy(lpCalleeData->buf, ep->rep.bytes, ep->rep.length); // expect: callee-unbounded-copy
        lpCalleeData->len = ep->rep.length;
    }
    return 0;
}

int WSPAPI Provider::Connect6(SOCKET s, const struct sockaddr FAR* name, int namelen,
                              LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                              LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpSQOS; (void)lpGQOS;

    Ref<Endpoint> ep(LookupEndpoint(s));
    if (!ep) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN6))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (lpCallerData->len > sizeof(PrivateData::bytes)) { // expect: callee-null-deref
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    SOCKADDR_INET to{};
    std::memcpy(&to.Ipv6, name, sizeof(SOCKADDR_IN6));
    if (IN6_IS_ADDR_UNSPECIFIED(&to.Ipv6.sin6_addr)) {
        *lpErrno = WSAEADDRNOTAVAIL;
        return SOCKET_ERROR;
    }
    if (ep->qp == nullptr && !ep->CreateQp()) {
        *lpErrno = WSAENOBUFS;
        return SOCKET_ERROR;
    }

    ep->state = Endpoint::State::Connecting;
    switch (cm::Connect(*ep, to, lpCallerData->buf, lpCallerData->len, &ep->rep)) {
    case CmStatus::Ok:
        break;
    case CmStatus::Pending:
        *lpErrno = WSAEWOULDBLOCK;
        return ERROR_IO_PENDING; // expect: bad-return-value
    case CmStatus::Timeout:
        ep->state = Endpoint::State::Bound;
        *lpErrno = WSAETIMEDOUT;
        return SOCKET_ERROR;
    default:
        ep->state = Endpoint::State::Bound;
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    ep->state = Endpoint::State::Connected;
    if (lpCalleeData != nullptr) {
        const unsigned long n = std::min<unsigned long>(ep->rep.length, lpCalleeData->len);
        std::memcpy(lpCalleeData->buf, ep->rep.bytes, n);
        lpCalleeData->len = n;
    }
    return 0;
}

void Provider::FillTable4(LPWSPPROC_TABLE table)
{
    std::memset(table, 0, sizeof(*table));
    table->lpWSPSocket = &Provider::Socket;
    table->lpWSPBind = &Provider::Bind;
    table->lpWSPCloseSocket = &Provider::CloseSocket;
    table->lpWSPCleanup = &Provider::Cleanup;
    table->lpWSPConnect = &Provider::WSPConnect;
}

const WSPPROC_TABLE Provider::kTable6 = {
    nullptr,                    // lpWSPAccept
    nullptr,                    // lpWSPAddressToString
    nullptr,                    // lpWSPAsyncSelect
    &Provider::Bind,
    nullptr,                    // lpWSPCancelBlockingCall
    &Provider::Cleanup,
    &Provider::CloseSocket,
    &Provider::Connect6,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr, nullptr,
    &Provider::Socket,
    nullptr                     // lpWSPStringToAddress
};

} // namespace nd

extern "C" int WSPAPI WSPStartup(WORD wVersion, LPWSPDATA lpWSPData,
                                 LPWSAPROTOCOL_INFOW lpProtocolInfo,
                                 WSPUPCALLTABLE UpCallTable, LPWSPPROC_TABLE lpProcTable)
{
    if (wVersion < MAKEWORD(2, 2))
        return WSAVERNOTSUPPORTED;

    nd::Provider::upcalls = UpCallTable;
    nd::Provider::catalogId = lpProtocolInfo->dwCatalogEntryId;

    if (lpProtocolInfo->iAddressFamily == AF_INET6)
        *lpProcTable = nd::Provider::kTable6;
    else
        nd::Provider::FillTable4(lpProcTable);

    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    return 0;
}
