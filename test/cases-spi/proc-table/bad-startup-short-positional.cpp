// A positional table that lost its last entry when WSPStringToAddress was
// moved to another file: the aggregate initialiser zero-fills the rest.
#include <winsock2.h>
#include <ws2spi.h>
#include <cstring>
#include "mesh.h"

namespace {

WSPUPCALLTABLE g_upcalls;

WSPPROC_TABLE g_table = {
    MeshAccept, MeshAddressToString, MeshAsyncSelect, MeshBind,
    MeshCancelBlockingCall, MeshCleanup, MeshCloseSocket, MeshConnect,
    MeshDuplicateSocket, MeshEnumNetworkEvents, MeshEventSelect,
    MeshGetOverlappedResult, MeshGetPeerName, MeshGetSockName, MeshGetSockOpt,
    MeshGetQOSByName, MeshIoctl, MeshJoinLeaf, MeshListen, MeshRecv,
    MeshRecvDisconnect, MeshRecvFrom, MeshSelect, MeshSend, MeshSendDisconnect,
    MeshSendTo, MeshSetSockOpt, MeshShutdown, MeshSocket,
};

} // namespace

int WSPAPI WSPStartup(WORD wVersionRequested, LPWSPDATA lpWSPData, // expect: proc-table-incomplete
                      LPWSAPROTOCOL_INFOW lpProtocolInfo, WSPUPCALLTABLE UpcallTable,
                      LPWSPPROC_TABLE lpProcTable)
{
    (void)lpProtocolInfo;
    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;
    g_upcalls = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    *lpProcTable = g_table;
    return 0;
}
