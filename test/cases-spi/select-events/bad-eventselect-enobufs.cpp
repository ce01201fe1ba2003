// Registering a notification can fail for lack of memory; the provider says so
// with WSAENOBUFS, which LPWSPEventSelect does not list (WSAENETDOWN, WSAEINVAL,
// WSAEINPROGRESS, WSAENOTSOCK).
#include <winsock2.h>
#include <ws2spi.h>
#include <memory>
#include <new>
#include "pipe_provider.h"

namespace pipe {

int WSPAPI Provider::EventSelect(SOCKET s, WSAEVENT hEventObject, long lNetworkEvents,
                                 LPINT lpErrno)
{
    Endpoint* ep = Endpoint::From(s);
    if (!ep) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lNetworkEvents == 0) {
        ep->ClearNotification();
        return 0;
    }

    std::unique_ptr<Notification> n(new (std::nothrow) Notification(hEventObject, lNetworkEvents));
    if (!n) {
        *lpErrno = WSAENOBUFS; // expect: undocumented-error
        return SOCKET_ERROR;
    }
    ep->SetNotification(std::move(n));
    return 0;
}

const WSPPROC_TABLE* Provider::Table()
{
    static WSPPROC_TABLE table;
    table.lpWSPEventSelect = &Provider::EventSelect;
    return &table;
}

} // namespace pipe
