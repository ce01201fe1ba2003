// Out of memory during the first startup, reported with a code WSPStartup does
// not have (WSASYSNOTREADY, WSAVERNOTSUPPORTED, WSAEINPROGRESS, WSAEPROCLIM,
// WSAEFAULT).
#include <winsock2.h>
#include <ws2spi.h>
#include <mutex>
#include <new>
#include "pipe_provider.h"

namespace pipe {

static WSPUPCALLTABLE s_upcalls;
static Provider* s_provider;
static std::mutex s_lock;

int WSPAPI WSPStartup(WORD wVersionRequested, LPWSPDATA lpWSPData,
                      LPWSAPROTOCOL_INFOW lpProtocolInfo, WSPUPCALLTABLE UpcallTable,
                      LPWSPPROC_TABLE lpProcTable)
{
    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;

    std::lock_guard<std::mutex> guard(s_lock);
    if (!s_provider) {
        s_provider = new (std::nothrow) Provider(*lpProtocolInfo);
        if (!s_provider)
            return WSAENOBUFS; // expect: undocumented-error
    }
    s_upcalls = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    s_provider->FillTable(lpProcTable);
    return 0;
}

} // namespace pipe
