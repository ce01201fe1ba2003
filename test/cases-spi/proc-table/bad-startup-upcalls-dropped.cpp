// An IFS provider that believes it needs no upcalls: its handles come from the
// driver. It still completes overlapped requests and queues completion
// routines, which goes through WPUCompleteOverlappedRequest / WPUQueueApc. The
// page: "A service provider must store the pointer to the client's upcall
// dispatch table that is received as the UpcallTable parameter".
#include <winsock2.h>
#include <ws2spi.h>
#include "ring_provider.h"

namespace ring {

int WSPAPI WSPStartup(WORD wVersionRequested, LPWSPDATA lpWSPData, // expect: startup-upcall-not-stored
                      LPWSAPROTOCOL_INFOW lpProtocolInfo, WSPUPCALLTABLE UpcallTable,
                      LPWSPPROC_TABLE lpProcTable)
{
    UNREFERENCED_PARAMETER(UpcallTable);
    (void)lpProtocolInfo;
    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;
    if (!Driver::Open())
        return WSASYSNOTREADY;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    Provider::Fill(lpProcTable);
    return 0;
}

} // namespace ring
