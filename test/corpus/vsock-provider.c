/*
 * vsockprov.c - base provider for host/guest sockets (AF_VSOCK style) over a
 * paravirtual channel.
 *
 * Two catalog entries share this DLL: the current AF_VSOCK entry and a legacy
 * entry kept for old guests, which uses the previous address layout. Each has
 * its own connect routine and proc table.
 *
 * Style notes: error blocks use do { ... break; } while (0) and
 * __try/__leave/__finally, as in the rest of this driver stack.
 */
#include <winsock2.h>
#include <ws2spi.h>

#define AF_VSOCK              40
#define VS_CONNECT_RETRIES    4
#define VS_RETRY_DELAY_MS     50
#define VS_MAX_ACCEPT_DATA    64

#ifndef STATUS_RETRY
#define STATUS_RETRY                    ((NTSTATUS)0xC000022DL)
#endif
#ifndef STATUS_CONNECTION_REFUSED
#define STATUS_CONNECTION_REFUSED       ((NTSTATUS)0xC0000236L)
#endif
#ifndef STATUS_CONNECTION_DISCONNECTED
#define STATUS_CONNECTION_DISCONNECTED  ((NTSTATUS)0xC000020CL)
#endif

typedef struct _SOCKADDR_VS {
    USHORT Family;
    USHORT Reserved;
    ULONG  Port;
    ULONG  Cid;
} SOCKADDR_VS;

/* Legacy layout: a GUID pair instead of a context id. */
typedef struct _SOCKADDR_VS_LEGACY {
    USHORT Family;
    USHORT Reserved;
    GUID   VmId;
    GUID   ServiceId;
} SOCKADDR_VS_LEGACY;

typedef enum _VS_STATE { VS_OPEN, VS_BOUND, VS_LISTENING, VS_CONNECTING, VS_CONNECTED } VS_STATE;

typedef struct _VS_SOCKET {
    LONG        RefCount;
    VS_STATE    State;
    HANDLE      Channel;
    SOCKADDR_VS Remote;
    CHAR        AcceptData[VS_MAX_ACCEPT_DATA];
    ULONG       AcceptDataLen;
} VS_SOCKET;

static WSPUPCALLTABLE gVsUpcalls;
static DWORD          gVsCatalogId;
static DWORD          gVsLegacyCatalogId;
static WSPPROC_TABLE  gVsTable;
static WSPPROC_TABLE  gVsLegacyTable;

NTSTATUS VsChannelOpen(HANDLE *Channel);
NTSTATUS VsSendConnectRequest(VS_SOCKET *vs, ULONG Cid, ULONG Port, const char *Data, ULONG DataLen);
NTSTATUS VsSendLegacyRequest(VS_SOCKET *vs, const GUID *VmId, const GUID *ServiceId);
VOID     VsTrace(const char *Format, ...);

static VS_SOCKET *
VsReference(SOCKET s)
{
    DWORD_PTR  ctx = 0;
    int        err;
    VS_SOCKET *vs;

    if (gVsUpcalls.lpWPUQuerySocketHandleContext(s, &ctx, &err) == SOCKET_ERROR)
        return NULL;
    vs = (VS_SOCKET *)ctx;
    if (vs != NULL)
        InterlockedIncrement(&vs->RefCount);
    return vs;
}

static VOID
VsDereference(VS_SOCKET *vs)
{
    if (vs != NULL && InterlockedDecrement(&vs->RefCount) == 0) {
        if (vs->Channel != NULL)
            CloseHandle(vs->Channel);
        HeapFree(GetProcessHeap(), 0, vs);
    }
}

static SOCKET WSPAPI
VsSocket(int af, int type, int protocol, LPWSAPROTOCOL_INFOW lpProtocolInfo,
         GROUP g, DWORD dwFlags, LPINT lpErrno)
{
    VS_SOCKET *vs = NULL;
    SOCKET     s = INVALID_SOCKET;
    NTSTATUS   st;

    UNREFERENCED_PARAMETER(protocol);
    UNREFERENCED_PARAMETER(g);
    UNREFERENCED_PARAMETER(dwFlags);

    do {
        if (af != AF_VSOCK || type != SOCK_STREAM) {
            *lpErrno = WSAESOCKTNOSUPPORT;
            break;
        }
        vs = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*vs));
        if (vs == NULL) {
            *lpErrno = WSAENOBUFS;
            break;
        }
        vs->RefCount = 1;
        st = VsChannelOpen(&vs->Channel);
        if (!NT_SUCCESS(st)) {
            *lpErrno = WSAENETDOWN;
            break;
        }
        s = gVsUpcalls.lpWPUCreateSocketHandle(lpProtocolInfo->dwCatalogEntryId,
                                               (DWORD_PTR)vs, lpErrno);
    } while (0);

    if (s == INVALID_SOCKET)
        VsDereference(vs);
    return s;
}

static int WSPAPI
VsCloseSocket(SOCKET s, LPINT lpErrno)
{
    VS_SOCKET *vs = VsReference(s);

    if (vs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    VsDereference(vs);      /* the reference just taken */
    VsDereference(vs);      /* the socket's own reference */
    return gVsUpcalls.lpWPUCloseSocketHandle(s, lpErrno);
}

static int WSPAPI
VsConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
          LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
          LPQOS lpGQOS, LPINT lpErrno)
{
    VS_SOCKET         *vs = NULL;
    const SOCKADDR_VS *to;
    NTSTATUS           st = STATUS_RETRY;
    int                attempt;
    int                rc = SOCKET_ERROR;

    UNREFERENCED_PARAMETER(lpGQOS);

    do {
        vs = VsReference(s);
        if (vs == NULL) {
            *lpErrno = WSAENOTSOCK;
            break;
        }
        if (name == NULL || namelen < (int)sizeof(SOCKADDR_VS)) {
            *lpErrno = WSAEFAULT;
            break;
        }
        to = (const SOCKADDR_VS *)name;
        if (to->Family != AF_VSOCK) {
            *lpErrno = WSAEAFNOSUPPORT;
            break;
        }
        if (vs->State == VS_CONNECTED) {
            *lpErrno = WSAEISCONN;
            break;
        }
        if (vs->State == VS_LISTENING) {
            *lpErrno = WSAEINVAL;
            break;
        }
        if (lpSQOS != NULL && lpSQOS->SendingFlowspec.TokenRate != QOS_NOT_SPECIFIED) {
            *lpErrno = WSAEOPNOTSUPP;
            break;
        }

        vs->State = VS_CONNECTING;
        for (attempt = 0; attempt < VS_CONNECT_RETRIES; attempt++) {
            st = VsSendConnectRequest(vs, to->Cid, to->Port,
                                      lpCallerData ? lpCallerData->buf : NULL,
                                      lpCallerData ? lpCallerData->len : 0);
            if (st != STATUS_RETRY)
                break;
            Sleep(VS_RETRY_DELAY_MS << attempt);
        }

        if (st == STATUS_RETRY) {
            /* The host never answered. */
            VsTrace("vsock: no answer from cid %lu\n", to->Cid);
            vs->State = VS_BOUND;
            break;
        }
        if (st == STATUS_CONNECTION_REFUSED) {
            vs->State = VS_BOUND;
            *lpErrno = WSAECONNREFUSED;
            break;
        }
        if (st == STATUS_CONNECTION_DISCONNECTED) {
            vs->State = VS_BOUND;
            *lpErrno = WSAENOTCONN; /* expect: undocumented-error */
            break;
        }
        if (!NT_SUCCESS(st)) {
            vs->State = VS_BOUND;
            *lpErrno = WSAENETUNREACH;
            break;
        }

        vs->State = VS_CONNECTED;
        vs->Remote = *to;
        if (lpCalleeData != NULL && vs->AcceptDataLen != 0) {
            ULONG n = vs->AcceptDataLen;
            if (n > lpCalleeData->len)
                n = lpCalleeData->len;
            memcpy(lpCalleeData->buf, vs->AcceptData, n);
            lpCalleeData->len = n;
        } else if (lpCalleeData != NULL) {
            lpCalleeData->len = 0;
        }
        rc = 0;
    } while (0);

    VsDereference(vs);
    return rc; /* expect: errno-not-set */
}

/*
 * Legacy entry: old guests address the host by VM and service GUIDs.
 */
static int WSPAPI
VsLegacyConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
                LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
                LPQOS lpGQOS, LPINT lpErrno)
{
    VS_SOCKET          *vs;
    SOCKADDR_VS_LEGACY  to;
    NTSTATUS            st;
    int                 rc = SOCKET_ERROR;

    UNREFERENCED_PARAMETER(namelen);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    vs = VsReference(s);
    if (vs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    __try {
        if (name == NULL) {
            *lpErrno = WSAEFAULT;
            __leave;
        }
        memcpy(&to, name, sizeof(to)); /* expect: name-unchecked */
        if (to.Family != AF_VSOCK) {
            *lpErrno = WSAEAFNOSUPPORT;
            __leave;
        }
        if (lpCallerData != NULL && lpCallerData->len != 0) {
            *lpErrno = WSAEPROTONOSUPPORT;
            __leave;
        }

        st = VsSendLegacyRequest(vs, &to.VmId, &to.ServiceId);
        if (!NT_SUCCESS(st)) {
            *lpErrno = (st == STATUS_CONNECTION_REFUSED) ? WSAECONNREFUSED : WSAETIMEDOUT;
            __leave;
        }
        vs->State = VS_CONNECTED;
        rc = NO_ERROR;
    }
    __finally {
        VsDereference(vs);
    }

    return rc; /* expect: callee-len-not-set */
}

static int WSPAPI
VsCleanup(LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpErrno);
    return 0;
}

int WSPAPI
WSPStartup(WORD wVersionRequested, LPWSPDATA lpWSPData, LPWSAPROTOCOL_INFOW lpProtocolInfo,
           WSPUPCALLTABLE UpcallTable, LPWSPPROC_TABLE lpProcTable)
{
    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;

    gVsUpcalls = UpcallTable;
    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);

    ZeroMemory(&gVsTable, sizeof(gVsTable));
    gVsTable.lpWSPSocket = VsSocket;
    gVsTable.lpWSPCloseSocket = VsCloseSocket;
    gVsTable.lpWSPCleanup = VsCleanup;
    gVsTable.lpWSPConnect = VsConnect;

    gVsLegacyTable = gVsTable;
    gVsLegacyTable.lpWSPConnect = VsLegacyConnect;

    if (lpProtocolInfo->dwCatalogEntryId == gVsLegacyCatalogId)
        *lpProcTable = gVsLegacyTable;
    else
        *lpProcTable = gVsTable;
    gVsCatalogId = lpProtocolInfo->dwCatalogEntryId;
    return 0;
}
