/* An entry written from the WSARecv prototype instead of LPWSPRECV: it has no
 * lpThreadId and no lpErrno. The cast in the table silences the compiler;
 * ws2_32 still pushes nine arguments. */
#include <winsock2.h>
#include <ws2spi.h>
#include "vnet.h"

WSPUPCALLTABLE gUpcalls;

static int WSPAPI VnetRecvCompat(SOCKET, LPWSABUF, DWORD, LPDWORD, LPDWORD,
                                 LPWSAOVERLAPPED, LPWSAOVERLAPPED_COMPLETION_ROUTINE);

static WSPPROC_TABLE gVnetTable = {
    VnetAccept,
    VnetAddressToString,
    VnetAsyncSelect,
    VnetBind,
    VnetCancelBlockingCall,
    VnetCleanup,
    VnetCloseSocket,
    VnetConnect,
    VnetDuplicateSocket,
    VnetEnumNetworkEvents,
    VnetEventSelect,
    VnetGetOverlappedResult,
    VnetGetPeerName,
    VnetGetSockName,
    VnetGetSockOpt,
    VnetGetQOSByName,
    VnetIoctl,
    VnetJoinLeaf,
    VnetListen,
    (LPWSPRECV)VnetRecvCompat, /* expect: proc-entry-signature */
    VnetRecvDisconnect,
    VnetRecvFrom,
    VnetSelect,
    VnetSend,
    VnetSendDisconnect,
    VnetSendTo,
    VnetSetSockOpt,
    VnetShutdown,
    VnetSocket,
    VnetStringToAddress
};

static int WSPAPI
VnetRecvCompat(
    SOCKET s,
    LPWSABUF lpBuffers,
    DWORD dwBufferCount,
    LPDWORD lpNumberOfBytesRecvd,
    LPDWORD lpFlags,
    LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
{
    VNET_SOCKET *vs = VnetFindSocket(s);

    if (vs == NULL) {
        WSASetLastError(WSAENOTSOCK);
        return SOCKET_ERROR;
    }
    return VnetRecvCommon(vs, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd,
                          lpFlags, lpOverlapped, lpCompletionRoutine);
}

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
    gUpcalls = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);

    *lpProcTable = gVnetTable;
    return 0;
}
