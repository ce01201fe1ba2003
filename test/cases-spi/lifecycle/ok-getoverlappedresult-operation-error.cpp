// "The lpErrno parameter indicates the cause of the failure (either of
// WSPGetOverlappedResult or of the associated overlapped operation)." A receive
// cancelled by closesocket fails with WSA_OPERATION_ABORTED, a reset connection
// with WSAECONNRESET: both are the operation's documented codes (LPWSPRecv).
#include <winsock2.h>
#include <ws2spi.h>
#include "ring_provider.h"

namespace ring {

BOOL WSPAPI Provider::GetOverlappedResult(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD transferred,
                                          BOOL wait, LPDWORD flags, LPINT err)
{
    Connection* c = Registry::Instance().Lookup(s);
    if (!c) {
        *err = WSAENOTSOCK;
        return FALSE;
    }
    IoRequest* req = c->FindRequest(ov);
    if (!req) {
        *err = WSAEINVAL;
        return FALSE;
    }
    if (!req->Done()) {
        if (!wait) {
            *err = WSA_IO_INCOMPLETE;
            return FALSE;
        }
        req->Wait();
    }
    if (req->cancelled) {
        *err = WSA_OPERATION_ABORTED;
        return FALSE;
    }
    if (req->reset) {
        *err = WSAECONNRESET;
        return FALSE;
    }
    *transferred = req->bytes;
    *flags = req->flags;
    return TRUE;
}

void Provider::Fill(LPWSPPROC_TABLE table)
{
    table->lpWSPGetOverlappedResult = &Provider::GetOverlappedResult;
}

} // namespace ring
