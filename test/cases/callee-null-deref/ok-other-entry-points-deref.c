/*
 * WSPJoinLeaf takes the same optional buffers as WSPConnect and this provider
 * dereferences them without checks; WSPAccept's condition callback receives
 * WSABUFs that are never NULL. Neither function is a connect entry.
 */
#include <ws2spi.h>

typedef struct _MP_SOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    ULONG           LeafData;
} MP_SOCK;

MP_SOCK *MpLookup(SOCKET s);

SOCKET WSPAPI
MpJoinLeaf(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    MP_SOCK *mp = MpLookup(s);
    if (mp == NULL) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    mp->LeafData = lpCallerData->len;
    lpCalleeData->len = 0;
    if (lpSQOS->SendingFlowspec.ServiceType == 0)
        dwFlags |= JL_SENDER_ONLY;
    return mp->Next->lpWSPJoinLeaf(mp->Lower, name, namelen, lpCallerData,
                                   lpCalleeData, lpSQOS, lpGQOS, dwFlags, lpErrno);
}

static int CALLBACK
MpCondition(LPWSABUF lpCallerId, LPWSABUF lpCallerData, LPQOS lpSQOS, LPQOS lpGQOS,
            LPWSABUF lpCalleeId, LPWSABUF lpCalleeData, GROUP FAR *g,
            DWORD_PTR dwCallbackData)
{
    UNREFERENCED_PARAMETER(lpCallerId);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);
    UNREFERENCED_PARAMETER(lpCalleeId);
    UNREFERENCED_PARAMETER(g);
    UNREFERENCED_PARAMETER(dwCallbackData);
    lpCalleeData->len = 0;
    return lpCallerData->len > 0 ? CF_ACCEPT : CF_REJECT;
}

static int WSPAPI
MpConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
          LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
          LPQOS lpGQOS, LPINT lpErrno)
{
    MP_SOCK *mp = MpLookup(s);
    if (mp == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    return mp->Next->lpWSPConnect(mp->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}

void
MpInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPJoinLeaf = MpJoinLeaf;
    t->lpWSPConnect  = MpConnect;
}
