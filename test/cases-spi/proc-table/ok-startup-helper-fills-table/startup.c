#include "pipe.h"

WSPUPCALLTABLE gPipeUpcalls;

int WSPAPI
WSPStartup(
    WORD wVersionRequested,
    LPWSPDATA lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE UpcallTable,
    LPWSPPROC_TABLE lpProcTable)
{
    WORD version;

    UNREFERENCED_PARAMETER(lpProtocolInfo);

    switch (LOBYTE(wVersionRequested)) {
    case 0:
    case 1:
        return WSAVERNOTSUPPORTED;
    case 2:
        version = wVersionRequested;
        break;
    default:
        version = MAKEWORD(2, 2);
        break;
    }

    gPipeUpcalls = UpcallTable;
    lpWSPData->wVersion = version;
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    PipeFillProcTable(lpProcTable);
    return 0;
}
