/* WSPStartup "returns zero if successful. Otherwise, it returns one of the
 * error codes listed below." This one returns SOCKET_ERROR like the other
 * entries, so ws2_32 reports -1 as the startup error. */
#include <winsock2.h>
#include <ws2spi.h>
#include "pollprov.h"

WSPUPCALLTABLE gUpcalls;
static LONG gStartupCount;

int WSPAPI
WSPStartup(
    WORD                wVersionRequested,
    LPWSPDATA           lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE      UpcallTable,
    LPWSPPROC_TABLE     lpProcTable)
{
    UNREFERENCED_PARAMETER(lpProtocolInfo);

    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;

    if (InterlockedIncrement(&gStartupCount) == 1 && !PollStartWorker()) {
        InterlockedDecrement(&gStartupCount);
        return SOCKET_ERROR; /* expect: bad-return-value */
    }

    gUpcalls = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    PollFillProcTable(lpProcTable);
    return 0;
}
