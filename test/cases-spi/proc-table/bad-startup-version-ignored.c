/* The provider answers 2.2 whatever was asked. The page: "Upon entry to
 * WSPStartup, the Windows Sockets service provider examines the version
 * requested by the client" and fails with WSAVERNOTSUPPORTED when it is below
 * the lowest version it supports. */
#include <winsock2.h>
#include <ws2spi.h>
#include "tapsock.h"

WSPUPCALLTABLE gUpcalls;

int WSPAPI
WSPStartup( /* expect: startup-version-unchecked */
    WORD                wVersionRequested,
    LPWSPDATA           lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE      UpcallTable,
    LPWSPPROC_TABLE     lpProcTable)
{
    UNREFERENCED_PARAMETER(wVersionRequested);
    UNREFERENCED_PARAMETER(lpProtocolInfo);

    if (lpWSPData == NULL || lpProcTable == NULL)
        return WSAEFAULT;

    gUpcalls = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    TapFillProcTable(lpProcTable);   /* table.c, not part of this check */
    return 0;
}
