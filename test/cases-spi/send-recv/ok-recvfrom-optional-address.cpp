// The sender's address is written only when the caller asked for it, in every
// form a C++ provider writes the test.
#include <winsock2.h>
#include <ws2spi.h>
#include <algorithm>
#include <cstring>
#include "udp_tunnel.h"

namespace tunnel {

static bool WantsSource(const sockaddr* from, const int* fromLen)
{
    return from != nullptr && fromLen != nullptr;
}

int WSPAPI RecvFrom(
    _In_ SOCKET s,
    _In_reads_(dwBufferCount) LPWSABUF lpBuffers,
    _In_ DWORD dwBufferCount,
    _Out_opt_ LPDWORD lpNumberOfBytesRecvd,
    _Inout_ LPDWORD lpFlags,
    _Out_writes_bytes_to_opt_(*lpFromlen, *lpFromlen) struct sockaddr FAR* lpFrom,
    _Inout_opt_ LPINT lpFromlen,
    _Inout_opt_ LPWSAOVERLAPPED lpOverlapped,
    _In_opt_ LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    _In_ LPWSATHREADID lpThreadId,
    _Out_ LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpThreadId);
    TunnelSocket* ts = TunnelSocket::FromHandle(s);
    if (!ts) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lpOverlapped || lpCompletionRoutine) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    Datagram dg;
    if (!ts->Receive(dg)) {
        *lpErrno = ts->Closed() ? WSAESHUTDOWN : WSAENETDOWN;
        return SOCKET_ERROR;
    }

    if (lpFrom != nullptr && lpFromlen != nullptr) {
        const int need = static_cast<int>(dg.fromLen);
        if (*lpFromlen < need) {
            // "the lpFrom buffer was too small to accommodate the peer address"
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        std::memcpy(lpFrom, &dg.from, need);
        *lpFromlen = need;
    }

    DWORD n = dg.CopyTo(lpBuffers, dwBufferCount);
    *lpNumberOfBytesRecvd = n;
    *lpFlags = n < dg.size ? MSG_PARTIAL : 0;
    return 0;
}

// Connected datagram sockets: the peer is known, the address is only echoed back.
int WSPAPI RecvFromConnected(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
                             LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags,
                             sockaddr FAR* lpFrom, LPINT lpFromlen,
                             LPWSAOVERLAPPED lpOverlapped,
                             LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
                             LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpThreadId);
    UNREFERENCED_PARAMETER(lpOverlapped);
    UNREFERENCED_PARAMETER(lpCompletionRoutine);
    TunnelSocket* ts = TunnelSocket::FromHandle(s);
    if (!ts) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    Datagram dg;
    if (!ts->Receive(dg)) {
        *lpErrno = WSAENOTCONN;
        return SOCKET_ERROR;
    }
    if (!WantsSource(lpFrom, lpFromlen)) {
        *lpNumberOfBytesRecvd = dg.CopyTo(lpBuffers, dwBufferCount);
        *lpFlags = 0;
        return 0;
    }
    const int copy = std::min(*lpFromlen, static_cast<int>(sizeof(ts->peer)));
    std::memcpy(lpFrom, &ts->peer, copy);
    *lpFromlen = copy;
    *lpNumberOfBytesRecvd = dg.CopyTo(lpBuffers, dwBufferCount);
    *lpFlags = 0;
    return 0;
}

void Install(LPWSPPROC_TABLE table, bool connected)
{
    table->lpWSPRecvFrom = connected ? RecvFromConnected : RecvFrom;
}

} // namespace tunnel
