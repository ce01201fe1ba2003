/*
 * lbtp.c - an in-process loopback transport exposed as a Winsock base provider.
 *
 * Sockets are endpoints in a table; connect queues a pending connection on the
 * listener bound to the target port and (for blocking sockets) waits for the
 * accept. The listener can attach "accept data" that the connecting side
 * receives as its callee data.
 */
#include <winsock2.h>
#include <ws2spi.h>

#define LB_MAX_ENDPOINTS      256
#define LB_MAX_CONNECT_DATA   64
#define LB_MAX_ACCEPT_DATA    512

typedef enum _LB_STATE {
    LB_OPEN,
    LB_BOUND,
    LB_LISTENING,
    LB_CONNECTING,
    LB_CONNECTED,
    LB_CLOSED
} LB_STATE;

struct _LB_ENDPOINT;

typedef struct _LB_PENDING {
    struct _LB_PENDING  *Next;
    struct _LB_ENDPOINT *Client;
    CHAR                 ConnectData[LB_MAX_CONNECT_DATA];
    ULONG                ConnectDataLen;
    HANDLE               Accepted;
} LB_PENDING;

typedef struct _LB_ENDPOINT {
    LONG         RefCount;
    LB_STATE     State;
    BOOL         NonBlocking;
    DWORD        ConnectTimeout;
    SOCKADDR_IN  Local;
    SOCKADDR_IN  Peer;
    int          Backlog;
    int          PendingCount;
    LB_PENDING  *PendingHead;
    CHAR         AcceptData[LB_MAX_ACCEPT_DATA];
    ULONG        AcceptDataLen;
    struct _LB_ENDPOINT *Partner;
} LB_ENDPOINT;

static CRITICAL_SECTION LbLock;
static LB_ENDPOINT     *LbEndpoints[LB_MAX_ENDPOINTS];
static WSPUPCALLTABLE   LbUpcalls;
static DWORD            LbCatalogId;

/* ------------------------------------------------------------------------ */
/* Endpoint table                                                            */
/* ------------------------------------------------------------------------ */

static LB_ENDPOINT *
LbReference(SOCKET s)
{
    LB_ENDPOINT *ep = NULL;
    DWORD_PTR    ctx = 0;
    int          err;

    if (LbUpcalls.lpWPUQuerySocketHandleContext(s, &ctx, &err) == SOCKET_ERROR)
        return NULL;

    EnterCriticalSection(&LbLock);
    if (ctx < LB_MAX_ENDPOINTS && LbEndpoints[ctx] != NULL) {
        ep = LbEndpoints[ctx];
        ep->RefCount++;
    }
    LeaveCriticalSection(&LbLock);
    return ep;
}

static void
LbDereference(LB_ENDPOINT *ep)
{
    EnterCriticalSection(&LbLock);
    if (--ep->RefCount == 0)
        HeapFree(GetProcessHeap(), 0, ep);
    LeaveCriticalSection(&LbLock);
}

static LB_ENDPOINT *
LbFindListener(USHORT port)
{
    int i;

    for (i = 0; i < LB_MAX_ENDPOINTS; i++) {
        LB_ENDPOINT *ep = LbEndpoints[i];
        if (ep != NULL && ep->State == LB_LISTENING && ep->Local.sin_port == port)
            return ep;
    }
    return NULL;
}

static void
LbQueuePending(LB_ENDPOINT *listener, LB_PENDING *pending)
{
    pending->Next = listener->PendingHead;
    listener->PendingHead = pending;
    listener->PendingCount++;
}

static BOOL
LbWaitAccepted(LB_ENDPOINT *ep, LB_PENDING *pending, DWORD timeout)
{
    UNREFERENCED_PARAMETER(ep);
    return WaitForSingleObject(pending->Accepted, timeout) == WAIT_OBJECT_0;
}

/* ------------------------------------------------------------------------ */
/* WSP entry points                                                          */
/* ------------------------------------------------------------------------ */

static SOCKET WSPAPI
LbSocket(int af, int type, int protocol, LPWSAPROTOCOL_INFOW lpProtocolInfo,
         GROUP g, DWORD dwFlags, LPINT lpErrno)
{
    LB_ENDPOINT *ep;
    int          slot;
    SOCKET       s;

    UNREFERENCED_PARAMETER(protocol);
    UNREFERENCED_PARAMETER(lpProtocolInfo);
    UNREFERENCED_PARAMETER(g);
    UNREFERENCED_PARAMETER(dwFlags);

    if (af != AF_INET || type != SOCK_STREAM) {
        *lpErrno = WSAESOCKTNOSUPPORT;
        return INVALID_SOCKET;
    }

    ep = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*ep));
    if (ep == NULL) {
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    ep->RefCount = 1;
    ep->State = LB_OPEN;
    ep->ConnectTimeout = 30000;

    EnterCriticalSection(&LbLock);
    for (slot = 0; slot < LB_MAX_ENDPOINTS && LbEndpoints[slot] != NULL; slot++)
        ;
    if (slot == LB_MAX_ENDPOINTS) {
        LeaveCriticalSection(&LbLock);
        HeapFree(GetProcessHeap(), 0, ep);
        *lpErrno = WSAEMFILE;
        return INVALID_SOCKET;
    }
    LbEndpoints[slot] = ep;
    LeaveCriticalSection(&LbLock);

    s = LbUpcalls.lpWPUCreateSocketHandle(LbCatalogId, (DWORD_PTR)slot, lpErrno);
    if (s == INVALID_SOCKET) {
        EnterCriticalSection(&LbLock);
        LbEndpoints[slot] = NULL;
        LeaveCriticalSection(&LbLock);
        HeapFree(GetProcessHeap(), 0, ep);
    }
    return s;
}

static int WSPAPI
LbBind(SOCKET s, const struct sockaddr FAR *name, int namelen, LPINT lpErrno)
{
    LB_ENDPOINT *ep = LbReference(s);
    int rc = SOCKET_ERROR;

    if (ep == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        *lpErrno = WSAEFAULT;
        goto done;
    }
    if (ep->State != LB_OPEN) {
        *lpErrno = WSAEINVAL;
        goto done;
    }
    memcpy(&ep->Local, name, sizeof(SOCKADDR_IN));
    ep->State = LB_BOUND;
    rc = 0;
done:
    LbDereference(ep);
    return rc;
}

static int WSPAPI
LbListen(SOCKET s, int backlog, LPINT lpErrno)
{
    LB_ENDPOINT *ep = LbReference(s);

    if (ep == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    EnterCriticalSection(&LbLock);
    if (ep->State != LB_BOUND && ep->State != LB_LISTENING) {
        LeaveCriticalSection(&LbLock);
        LbDereference(ep);
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    ep->State = LB_LISTENING;
    ep->Backlog = backlog > 0 ? backlog : SOMAXCONN;
    LeaveCriticalSection(&LbLock);
    LbDereference(ep);
    return 0;
}

static int WSPAPI
LbConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
          LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
          LPQOS lpGQOS, LPINT lpErrno)
{
    LB_ENDPOINT       *ep, *listener;
    const SOCKADDR_IN *sin;
    LB_PENDING        *pending;
    int                err;

    UNREFERENCED_PARAMETER(lpGQOS);

    ep = LbReference(s);
    if (ep == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    EnterCriticalSection(&LbLock);

    if (ep->State == LB_LISTENING) {
        err = WSAEINVAL;
        goto fail;
    }
    if (ep->State == LB_CONNECTED) {
        err = WSAEISCONN;
        goto fail;
    }
    if (ep->State == LB_CONNECTING) {
        err = WSAEALREADY;
        goto fail;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        err = WSAEFAULT;
        goto fail;
    }
    sin = (const SOCKADDR_IN *)name;
    if (sin->sin_family != AF_INET) {
        err = WSAEAFNOSUPPORT;
        goto fail;
    }
    if (sin->sin_addr.s_addr != htonl(INADDR_LOOPBACK)) {
        err = WSAENETUNREACH;
        goto fail;
    }
    if (lpSQOS != NULL) {
        err = WSAEOPNOTSUPP;
        goto fail;
    }
    if (lpCallerData != NULL && lpCallerData->len > LB_MAX_CONNECT_DATA) {
        err = WSAEFAULT;
        goto fail;
    }

    listener = LbFindListener(sin->sin_port);
    if (listener == NULL) {
        err = WSAECONNREFUSED;
        goto fail;
    }

    if (listener->PendingCount >= listener->Backlog) {
        LeaveCriticalSection(&LbLock);
        LbDereference(ep);
        *lpErrno = ERROR_CONNECTION_REFUSED; /* expect: non-wsa-error */
        return SOCKET_ERROR;
    }

    pending = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*pending));
    if (pending == NULL) {
        err = WSAENOBUFS;
        goto fail;
    }
    pending->Client = ep;
    pending->Accepted = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (lpCallerData != NULL && lpCallerData->len != 0) {
        memcpy(pending->ConnectData, lpCallerData->buf, lpCallerData->len);
        pending->ConnectDataLen = lpCallerData->len;
    }
    LbQueuePending(listener, pending);
    ep->Peer = *sin;

    if (ep->NonBlocking) {
        ep->State = LB_CONNECTING;
        LeaveCriticalSection(&LbLock);
        LbDereference(ep);
        *lpErrno = WSAEWOULDBLOCK;
        return WSAEWOULDBLOCK; /* expect: bad-return-value */
    }

    LeaveCriticalSection(&LbLock);

    if (!LbWaitAccepted(ep, pending, ep->ConnectTimeout)) {
        LbDereference(ep);
        *lpErrno = WSAETIMEDOUT;
        return SOCKET_ERROR;
    }
    ep->State = LB_CONNECTED;

    if (lpCalleeData != NULL && listener->AcceptDataLen != 0) {
        memcpy(lpCalleeData->buf, listener->AcceptData, listener->AcceptDataLen); /* expect: callee-unbounded-copy */
        lpCalleeData->len = listener->AcceptDataLen;
    }
    LbDereference(ep);
    return 0; /* expect: callee-len-not-set */

fail:
    LeaveCriticalSection(&LbLock);
    LbDereference(ep);
    *lpErrno = err;
    return SOCKET_ERROR;
}

static int WSPAPI
LbSend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
       DWORD dwFlags, LPWSAOVERLAPPED lpOverlapped,
       LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine, LPWSATHREADID lpThreadId,
       LPINT lpErrno)
{
    LB_ENDPOINT *ep = LbReference(s);
    DWORD i, total = 0;

    UNREFERENCED_PARAMETER(dwFlags);
    UNREFERENCED_PARAMETER(lpCompletionRoutine);
    UNREFERENCED_PARAMETER(lpThreadId);

    if (ep == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lpOverlapped != NULL) {
        LbDereference(ep);
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }
    if (ep->State != LB_CONNECTED || ep->Partner == NULL) {
        LbDereference(ep);
        *lpErrno = WSAENOTCONN;
        return SOCKET_ERROR;
    }
    for (i = 0; i < dwBufferCount; i++)
        total += lpBuffers[i].len;
    *lpNumberOfBytesSent = total;
    LbDereference(ep);
    return 0;
}

static int WSPAPI
LbCloseSocket(SOCKET s, LPINT lpErrno)
{
    LB_ENDPOINT *ep = LbReference(s);
    int i;

    if (ep == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    EnterCriticalSection(&LbLock);
    for (i = 0; i < LB_MAX_ENDPOINTS; i++) {
        if (LbEndpoints[i] == ep)
            LbEndpoints[i] = NULL;
    }
    ep->State = LB_CLOSED;
    ep->RefCount--;
    LeaveCriticalSection(&LbLock);
    LbDereference(ep);
    return LbUpcalls.lpWPUCloseSocketHandle(s, lpErrno);
}

static int WSPAPI
LbGetPeerName(SOCKET s, struct sockaddr FAR *name, LPINT namelen, LPINT lpErrno)
{
    LB_ENDPOINT *ep = LbReference(s);

    if (ep == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (ep->State != LB_CONNECTED) {
        LbDereference(ep);
        *lpErrno = WSAENOTCONN;
        return SOCKET_ERROR;
    }
    if (*namelen < (int)sizeof(SOCKADDR_IN)) {
        LbDereference(ep);
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    memcpy(name, &ep->Peer, sizeof(SOCKADDR_IN));
    *namelen = sizeof(SOCKADDR_IN);
    LbDereference(ep);
    return 0;
}

static SOCKET WSPAPI
LbJoinLeaf(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(s);
    UNREFERENCED_PARAMETER(name);
    UNREFERENCED_PARAMETER(namelen);
    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpCalleeData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);
    UNREFERENCED_PARAMETER(dwFlags);
    *lpErrno = WSAEOPNOTSUPP;
    return INVALID_SOCKET;
}

static int WSPAPI
LbCleanup(LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpErrno);
    return 0;
}

static int WSPAPI
LbNotSupported(void)
{
    return SOCKET_ERROR;
}

#define LB_UNSUPPORTED(type) ((type)LbNotSupported)

static WSPPROC_TABLE LbProcTable = {
    LB_UNSUPPORTED(LPWSPACCEPT),
    LB_UNSUPPORTED(LPWSPADDRESSTOSTRING),
    LB_UNSUPPORTED(LPWSPASYNCSELECT),
    LbBind,
    LB_UNSUPPORTED(LPWSPCANCELBLOCKINGCALL),
    LbCleanup,
    LbCloseSocket,
    LbConnect,
    LB_UNSUPPORTED(LPWSPDUPLICATESOCKET),
    LB_UNSUPPORTED(LPWSPENUMNETWORKEVENTS),
    LB_UNSUPPORTED(LPWSPEVENTSELECT),
    LB_UNSUPPORTED(LPWSPGETOVERLAPPEDRESULT),
    LbGetPeerName,
    LB_UNSUPPORTED(LPWSPGETSOCKNAME),
    LB_UNSUPPORTED(LPWSPGETSOCKOPT),
    LB_UNSUPPORTED(LPWSPGETQOSBYNAME),
    LB_UNSUPPORTED(LPWSPIOCTL),
    LbJoinLeaf,
    LbListen,
    LB_UNSUPPORTED(LPWSPRECV),
    LB_UNSUPPORTED(LPWSPRECVDISCONNECT),
    LB_UNSUPPORTED(LPWSPRECVFROM),
    LB_UNSUPPORTED(LPWSPSELECT),
    LbSend,
    LB_UNSUPPORTED(LPWSPSENDDISCONNECT),
    LB_UNSUPPORTED(LPWSPSENDTO),
    LB_UNSUPPORTED(LPWSPSETSOCKOPT),
    LB_UNSUPPORTED(LPWSPSHUTDOWN),
    LbSocket,
    LB_UNSUPPORTED(LPWSPSTRINGTOADDRESS)
};

int WSPAPI
WSPStartup(WORD wVersionRequested, LPWSPDATA lpWSPData, LPWSAPROTOCOL_INFOW lpProtocolInfo,
           WSPUPCALLTABLE UpcallTable, LPWSPPROC_TABLE lpProcTable)
{
    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;

    InitializeCriticalSection(&LbLock);
    LbUpcalls = UpcallTable;
    LbCatalogId = lpProtocolInfo->dwCatalogEntryId;

    lpWSPData->wVersion = MAKEWORD(2, 2);
    lpWSPData->wHighVersion = MAKEWORD(2, 2);
    lstrcpyW(lpWSPData->szDescription, L"Loopback transport");

    *lpProcTable = LbProcTable;
    return 0;
}
