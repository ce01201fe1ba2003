/* Unsupported entries set to NULL on purpose. The error-codes page describes
 * what ws2_32 makes of that: "WSAEINVALIDPROCTABLE ... A service provider
 * returned a bogus procedure table to Ws2_32.dll. This is usually caused by one
 * or more of the function pointers being NULL." Unsupported functions need a
 * stub that fails with WSAEOPNOTSUPP (or the like), not a NULL. */
#include <winsock2.h>
#include <ws2spi.h>
#include "vnet.h"

WSPUPCALLTABLE gUpcalls;

int WSPAPI
WSPStartup( /* expect: proc-table-incomplete */
    WORD                wVersionRequested,
    LPWSPDATA           lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE      UpcallTable,
    LPWSPPROC_TABLE     lpProcTable)
{
    UNREFERENCED_PARAMETER(lpProtocolInfo);

    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;

    gUpcalls = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);

    lpProcTable->lpWSPAccept = VnetAccept;
    lpProcTable->lpWSPAddressToString = VnetAddressToString;
    lpProcTable->lpWSPAsyncSelect = VnetAsyncSelect;
    lpProcTable->lpWSPBind = VnetBind;
    lpProcTable->lpWSPCancelBlockingCall = VnetCancelBlockingCall;
    lpProcTable->lpWSPCleanup = VnetCleanup;
    lpProcTable->lpWSPCloseSocket = VnetCloseSocket;
    lpProcTable->lpWSPConnect = VnetConnect;
    lpProcTable->lpWSPDuplicateSocket = VnetDuplicateSocket;
    lpProcTable->lpWSPEnumNetworkEvents = VnetEnumNetworkEvents;
    lpProcTable->lpWSPEventSelect = VnetEventSelect;
    lpProcTable->lpWSPGetOverlappedResult = VnetGetOverlappedResult;
    lpProcTable->lpWSPGetPeerName = VnetGetPeerName;
    lpProcTable->lpWSPGetSockName = VnetGetSockName;
    lpProcTable->lpWSPGetSockOpt = VnetGetSockOpt;
    lpProcTable->lpWSPGetQOSByName = NULL;      /* no QoS */
    lpProcTable->lpWSPIoctl = VnetIoctl;
    lpProcTable->lpWSPJoinLeaf = NULL;          /* no multipoint */
    lpProcTable->lpWSPListen = VnetListen;
    lpProcTable->lpWSPRecv = VnetRecv;
    lpProcTable->lpWSPRecvDisconnect = VnetRecvDisconnect;
    lpProcTable->lpWSPRecvFrom = VnetRecvFrom;
    lpProcTable->lpWSPSelect = VnetSelect;
    lpProcTable->lpWSPSend = VnetSend;
    lpProcTable->lpWSPSendDisconnect = VnetSendDisconnect;
    lpProcTable->lpWSPSendTo = VnetSendTo;
    lpProcTable->lpWSPSetSockOpt = VnetSetSockOpt;
    lpProcTable->lpWSPShutdown = VnetShutdown;
    lpProcTable->lpWSPSocket = VnetSocket;
    lpProcTable->lpWSPStringToAddress = VnetStringToAddress;
    return 0;
}
