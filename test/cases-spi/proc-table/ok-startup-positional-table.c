/* A base provider's WSPStartup in the style of the SDK samples: one positional
 * WSPPROC_TABLE with all 30 entries in struct order, copied out; the version
 * negotiated as the WSPStartup page shows; the upcall table kept. The entry
 * points live in the provider's other files. */
#include <winsock2.h>
#include <ws2spi.h>
#include "tapsock.h"

WSPUPCALLTABLE gUpcalls;
static LONG gStartupCount;

static WSPPROC_TABLE gProcTable = {
    TapAccept,
    TapAddressToString,
    TapAsyncSelect,
    TapBind,
    TapCancelBlockingCall,
    TapCleanup,
    TapCloseSocket,
    TapConnect,
    TapDuplicateSocket,
    TapEnumNetworkEvents,
    TapEventSelect,
    TapGetOverlappedResult,
    TapGetPeerName,
    TapGetSockName,
    TapGetSockOpt,
    TapGetQOSByName,
    TapIoctl,
    TapJoinLeaf,
    TapListen,
    TapRecv,
    TapRecvDisconnect,
    TapRecvFrom,
    TapSelect,
    TapSend,
    TapSendDisconnect,
    TapSendTo,
    TapSetSockOpt,
    TapShutdown,
    TapSocket,
    TapStringToAddress
};

int WSPAPI
WSPStartup(
    WORD                wVersionRequested,
    LPWSPDATA           lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE      UpcallTable,
    LPWSPPROC_TABLE     lpProcTable)
{
    UNREFERENCED_PARAMETER(lpProtocolInfo);

    /* Make sure that the version requested is >= 2.2. */
    if ((LOBYTE(wVersionRequested) < 2) ||
        ((LOBYTE(wVersionRequested) == 2) && (HIBYTE(wVersionRequested) < 2)))
        return WSAVERNOTSUPPORTED;

    if (lpWSPData == NULL || lpProcTable == NULL)
        return WSAEFAULT;

    if (!TapDriverPresent())
        return WSASYSNOTREADY;

    /* "the service provider must use only the most recently supplied upcall
     * dispatch table pointer" */
    gUpcalls = UpcallTable;

    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    lstrcpynW(lpWSPData->szDescription, L"Tap transport", WSPDESCRIPTION_LEN + 1);

    memcpy(lpProcTable, &gProcTable, sizeof(WSPPROC_TABLE));
    InterlockedIncrement(&gStartupCount);
    return 0;
}
