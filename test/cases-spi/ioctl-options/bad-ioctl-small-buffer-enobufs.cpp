// A too-small output buffer reported as WSAENOBUFS. LPWSPIoctl's page gives
// WSAEFAULT for that ("the cbInBuffer or cbOutBuffer parameter is too small")
// and does not list WSAENOBUFS at all.
#include <winsock2.h>
#include <mstcpip.h>
#include <ws2spi.h>
#include <vector>
#include "vlan_provider.h"

namespace vlan {

int WSPAPI Provider::Ioctl(SOCKET s, DWORD code, LPVOID in, DWORD inLen,
                           LPVOID out, DWORD outLen, LPDWORD returned,
                           LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE done,
                           LPWSATHREADID thread, LPINT err)
{
    (void)in; (void)inLen; (void)thread;
    Socket* sock = Socket::FromHandle(s);
    if (!sock) {
        *err = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (ov || done) {
        *err = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }
    if (code != SIO_ADDRESS_LIST_QUERY) {
        *err = WSAEINVAL;
        return SOCKET_ERROR;
    }

    std::vector<SOCKADDR_IN> addrs = sock->LocalAddresses();
    const DWORD need = static_cast<DWORD>(FIELD_OFFSET(SOCKET_ADDRESS_LIST, Address) +
                                          addrs.size() * (sizeof(SOCKET_ADDRESS) + sizeof(SOCKADDR_IN)));
    *returned = need;
    if (out == nullptr || outLen < need) {
        *err = WSAENOBUFS; // expect: undocumented-error
        return SOCKET_ERROR;
    }
    FillAddressList(static_cast<SOCKET_ADDRESS_LIST*>(out), addrs);
    return 0;
}

void Provider::Install(LPWSPPROC_TABLE table)
{
    table->lpWSPIoctl = &Provider::Ioctl;
}

} // namespace vlan
