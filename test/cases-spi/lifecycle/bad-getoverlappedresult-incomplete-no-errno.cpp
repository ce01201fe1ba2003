// "If FALSE and the operation is still pending, the function returns FALSE and
// lpErrno is WSA_IO_INCOMPLETE." The polling branch returns FALSE without it.
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
        if (!wait)
            return FALSE; // expect: errno-not-set
        if (!req->Wait()) {
            *err = WSA_INVALID_HANDLE;
            return FALSE;
        }
    }
    *transferred = req->bytes;
    *flags = req->flags;
    if (req->status != 0) {
        *err = req->status;
        return FALSE;
    }
    return TRUE;
}

void Provider::Fill(LPWSPPROC_TABLE table)
{
    table->lpWSPGetOverlappedResult = &Provider::GetOverlappedResult;
}

} // namespace ring
