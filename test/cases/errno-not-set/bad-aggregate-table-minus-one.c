/*
 * Small base provider for a loopback-only transport. Entry points are listed in
 * a WSPPROC_TABLE aggregate, so the connect entry is found by its position; the
 * parameter names differ from the SDK's. One refusal path returns -1 and never
 * touches the error slot.
 */
#include <winsock2.h>
#include <ws2spi.h>

#define LB_MAX_SOCKETS 64

typedef struct {
    BOOL        InUse;
    BOOL        Listening;
    BOOL        Connected;
    SOCKADDR_IN Peer;
} LB_SOCKET;

static LB_SOCKET LbTable[LB_MAX_SOCKETS];
static LONG      LbActive;

static int WSPAPI LbAccept();
static int WSPAPI LbAddressToString();
static int WSPAPI LbAsyncSelect();
static int WSPAPI LbBind();
static int WSPAPI LbCancelBlockingCall();
static int WSPAPI LbCleanup();
static int WSPAPI LbCloseSocket();

static int WSPAPI
LbConnect(SOCKET Sock, const struct sockaddr *Peer, int PeerLen,
          LPWSABUF CallerBuf, LPWSABUF CalleeBuf, LPQOS SendQos,
          LPQOS GroupQos, LPINT pErr)
{
    LB_SOCKET *ls;
    const SOCKADDR_IN *sin;

    if (Sock >= LB_MAX_SOCKETS || !LbTable[Sock].InUse) {
        *pErr = WSAENOTSOCK;
        return -1;
    }
    ls = &LbTable[Sock];

    if (Peer == NULL || PeerLen < (int)sizeof(SOCKADDR_IN)) {
        *pErr = WSAEFAULT;
        return -1;
    }
    sin = (const SOCKADDR_IN *)Peer;

    if (sin->sin_addr.s_addr != htonl(INADDR_LOOPBACK))
        return -1; /* expect: errno-not-set */

    if (CallerBuf != NULL && CallerBuf->len != 0) {
        *pErr = WSAEPROTONOSUPPORT;
        return -1;
    }

    if (SendQos != NULL || GroupQos != NULL) {
        *pErr = WSAEOPNOTSUPP;
        return -1;
    }

    ls->Peer = *sin;
    ls->Connected = TRUE;
    InterlockedIncrement(&LbActive);

    if (CalleeBuf != NULL)
        CalleeBuf->len = 0;
    return 0;
}

static WSPPROC_TABLE LbProcTable = {
    LbAccept,
    LbAddressToString,
    LbAsyncSelect,
    LbBind,
    LbCancelBlockingCall,
    LbCleanup,
    LbCloseSocket,
    LbConnect,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

int WSPAPI
WSPStartup(WORD wVersion, LPWSPDATA lpWSPData, LPWSAPROTOCOL_INFOW lpProtocolInfo,
           WSPUPCALLTABLE UpcallTable, LPWSPPROC_TABLE lpProcTable)
{
    UNREFERENCED_PARAMETER(wVersion);
    UNREFERENCED_PARAMETER(lpProtocolInfo);
    UNREFERENCED_PARAMETER(UpcallTable);
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    *lpProcTable = LbProcTable;
    return 0;
}
