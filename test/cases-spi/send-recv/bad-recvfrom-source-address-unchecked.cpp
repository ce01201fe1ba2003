// WSARecvFrom's lpFrom is optional; recv() on an unconnected datagram socket
// reaches WSPRecvFrom with lpFrom == NULL. This provider always copies the sender.
#include <winsock2.h>
#include <ws2spi.h>
#include <cstring>
#include "udp_tunnel.h"

namespace tunnel {

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

    // The length pointer tells whether the caller wants the sender at all.
    if (lpFromlen != nullptr) {
        int need = static_cast<int>(dg.fromLen);
        if (*lpFromlen < need) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        std::memcpy(lpFrom, &dg.from, need); // expect: optional-null-deref
        *lpFromlen = need;
    }

    DWORD n = dg.CopyTo(lpBuffers, dwBufferCount);
    *lpNumberOfBytesRecvd = n;
    *lpFlags = n < dg.size ? MSG_PARTIAL : 0;
    return 0;
}

void Install(LPWSPPROC_TABLE table)
{
    table->lpWSPRecvFrom = RecvFrom;
}

} // namespace tunnel
