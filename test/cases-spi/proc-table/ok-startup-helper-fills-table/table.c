#include "pipe.h"

void
PipeFillProcTable(LPWSPPROC_TABLE table)
{
    ZeroMemory(table, sizeof(*table));
    table->lpWSPAccept              = PipeAccept;
    table->lpWSPAddressToString     = PipeAddressToString;
    table->lpWSPAsyncSelect         = PipeAsyncSelect;
    table->lpWSPBind                = PipeBind;
    table->lpWSPCancelBlockingCall  = PipeCancelBlockingCall;
    table->lpWSPCleanup             = PipeCleanup;
    table->lpWSPCloseSocket         = PipeCloseSocket;
    table->lpWSPConnect             = PipeConnect;
    table->lpWSPDuplicateSocket     = PipeDuplicateSocket;
    table->lpWSPEnumNetworkEvents   = PipeEnumNetworkEvents;
    table->lpWSPEventSelect         = PipeEventSelect;
    table->lpWSPGetOverlappedResult = PipeGetOverlappedResult;
    table->lpWSPGetPeerName         = PipeGetPeerName;
    table->lpWSPGetSockName         = PipeGetSockName;
    table->lpWSPGetSockOpt          = PipeGetSockOpt;
    table->lpWSPGetQOSByName        = PipeGetQOSByName;
    table->lpWSPIoctl               = PipeIoctl;
    table->lpWSPJoinLeaf            = PipeJoinLeaf;
    table->lpWSPListen              = PipeListen;
    table->lpWSPRecv                = PipeRecv;
    table->lpWSPRecvDisconnect      = PipeRecvDisconnect;
    table->lpWSPRecvFrom            = PipeRecvFrom;
    table->lpWSPSelect              = PipeSelect;
    table->lpWSPSend                = PipeSend;
    table->lpWSPSendDisconnect      = PipeSendDisconnect;
    table->lpWSPSendTo              = PipeSendTo;
    table->lpWSPSetSockOpt          = PipeSetSockOpt;
    table->lpWSPShutdown            = PipeShutdown;
    table->lpWSPSocket              = PipeSocket;
    table->lpWSPStringToAddress     = PipeStringToAddress;
}
