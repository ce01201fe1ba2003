// WSPStartup filling the caller's table entry by entry with static members of
// the provider class, each with its entry's signature (declared in the class).
#include <winsock2.h>
#include <ws2spi.h>
#include "ring_provider.h"

namespace ring {

static WSPUPCALLTABLE s_upcalls;

int WSPAPI WSPStartup(WORD wVersionRequested, LPWSPDATA lpWSPData,
                      LPWSAPROTOCOL_INFOW lpProtocolInfo, WSPUPCALLTABLE UpcallTable,
                      LPWSPPROC_TABLE lpProcTable)
{
    (void)lpProtocolInfo;
    const WORD supported = MAKEWORD(2, 2);
    // Lowest version we speak is 2.0; answer with min(requested, 2.2).
    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;
    if (!lpWSPData || !lpProcTable)
        return WSAEFAULT;

    s_upcalls = UpcallTable;
    lpWSPData->wHighVersion = supported;
    lpWSPData->wVersion = (LOBYTE(wVersionRequested) == 2 && HIBYTE(wVersionRequested) < 2)
                              ? wVersionRequested : supported;

    lpProcTable->lpWSPAccept = &Provider::Accept;
    lpProcTable->lpWSPAddressToString = &Provider::AddressToString;
    lpProcTable->lpWSPAsyncSelect = &Provider::AsyncSelect;
    lpProcTable->lpWSPBind = &Provider::Bind;
    lpProcTable->lpWSPCancelBlockingCall = &Provider::CancelBlockingCall;
    lpProcTable->lpWSPCleanup = &Provider::Cleanup;
    lpProcTable->lpWSPCloseSocket = &Provider::CloseSocket;
    lpProcTable->lpWSPConnect = &Provider::Connect;
    lpProcTable->lpWSPDuplicateSocket = &Provider::DuplicateSocket;
    lpProcTable->lpWSPEnumNetworkEvents = &Provider::EnumNetworkEvents;
    lpProcTable->lpWSPEventSelect = &Provider::EventSelect;
    lpProcTable->lpWSPGetOverlappedResult = &Provider::GetOverlappedResult;
    lpProcTable->lpWSPGetPeerName = &Provider::GetPeerName;
    lpProcTable->lpWSPGetSockName = &Provider::GetSockName;
    lpProcTable->lpWSPGetSockOpt = &Provider::GetSockOpt;
    lpProcTable->lpWSPGetQOSByName = &Provider::GetQOSByName;
    lpProcTable->lpWSPIoctl = &Provider::Ioctl;
    lpProcTable->lpWSPJoinLeaf = &Provider::JoinLeaf;
    lpProcTable->lpWSPListen = &Provider::Listen;
    lpProcTable->lpWSPRecv = &Provider::Recv;
    lpProcTable->lpWSPRecvDisconnect = &Provider::RecvDisconnect;
    lpProcTable->lpWSPRecvFrom = &Provider::RecvFrom;
    lpProcTable->lpWSPSelect = &Provider::Select;
    lpProcTable->lpWSPSend = &Provider::Send;
    lpProcTable->lpWSPSendDisconnect = &Provider::SendDisconnect;
    lpProcTable->lpWSPSendTo = &Provider::SendTo;
    lpProcTable->lpWSPSetSockOpt = &Provider::SetSockOpt;
    lpProcTable->lpWSPShutdown = &Provider::Shutdown;
    lpProcTable->lpWSPSocket = &Provider::Socket;
    lpProcTable->lpWSPStringToAddress = &Provider::StringToAddress;
    return NO_ERROR;
}

} // namespace ring
