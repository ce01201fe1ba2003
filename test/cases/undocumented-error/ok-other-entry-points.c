/*
 * WSAECONNRESET, WSAENOTCONN and WSAESHUTDOWN are the right answers for
 * receive, send and peer-name queries. These functions are not connect
 * entries and must not be judged against the WSPConnect list.
 */
#include <ws2spi.h>

typedef struct _TSOCK {
    BOOL Connected;
    BOOL PeerReset;
    BOOL SendShutdown;
    SOCKADDR_IN Peer;
} TSOCK;

TSOCK *TsLookup(SOCKET s);

int WSPAPI
TsRecv(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd,
       LPDWORD lpFlags, LPWSAOVERLAPPED lpOverlapped,
       LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine, LPWSATHREADID lpThreadId,
       LPINT lpErrno)
{
    TSOCK *ts = TsLookup(s);
    if (ts == NULL) { *lpErrno = WSAENOTSOCK; return SOCKET_ERROR; }
    if (ts->PeerReset) { *lpErrno = WSAECONNRESET; return SOCKET_ERROR; }
    if (!ts->Connected) { *lpErrno = WSAENOTCONN; return SOCKET_ERROR; }
    *lpNumberOfBytesRecvd = 0;
    return 0;
}

int WSPAPI
TsSend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
       DWORD dwFlags, LPWSAOVERLAPPED lpOverlapped,
       LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine, LPWSATHREADID lpThreadId,
       LPINT lpErrno)
{
    TSOCK *ts = TsLookup(s);
    if (ts == NULL) { *lpErrno = WSAENOTSOCK; return SOCKET_ERROR; }
    if (ts->SendShutdown) { *lpErrno = WSAESHUTDOWN; return SOCKET_ERROR; }
    if (ts->PeerReset) { *lpErrno = WSAECONNABORTED; return SOCKET_ERROR; }
    *lpNumberOfBytesSent = 0;
    return 0;
}

int WSPAPI
TsGetPeerName(SOCKET s, struct sockaddr FAR *name, LPINT namelen, LPINT lpErrno)
{
    TSOCK *ts = TsLookup(s);
    if (ts == NULL) { *lpErrno = WSAENOTSOCK; return SOCKET_ERROR; }
    if (!ts->Connected) { *lpErrno = WSAENOTCONN; return SOCKET_ERROR; }
    if (*namelen < (int)sizeof(SOCKADDR_IN)) { *lpErrno = WSAEFAULT; return SOCKET_ERROR; }
    memcpy(name, &ts->Peer, sizeof(SOCKADDR_IN));
    *namelen = sizeof(SOCKADDR_IN);
    return 0;
}

int WSPAPI
TsConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
          LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
          LPQOS lpGQOS, LPINT lpErrno)
{
    TSOCK *ts = TsLookup(s);

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    if (ts == NULL) { *lpErrno = WSAENOTSOCK; return SOCKET_ERROR; }
    if (ts->Connected) { *lpErrno = WSAEISCONN; return SOCKET_ERROR; }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    memcpy(&ts->Peer, name, sizeof(SOCKADDR_IN));
    ts->Connected = TRUE;
    ts->PeerReset = FALSE;
    if (lpCalleeData) lpCalleeData->len = 0;
    return 0;
}

void
TsFillTable(LPWSPPROC_TABLE t)
{
    t->lpWSPRecv        = TsRecv;
    t->lpWSPSend        = TsSend;
    t->lpWSPGetPeerName = TsGetPeerName;
    t->lpWSPConnect     = TsConnect;
}
