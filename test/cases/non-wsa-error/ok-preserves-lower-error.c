/*
 * The LSP opens a helper socket on the lower provider for every connect and
 * closes it if the connect fails, preserving the original error value in a
 * local while the close uses a scratch variable (SDK sample idiom).
 */
#include <ws2spi.h>

typedef struct _MON_SOCKET {
    SOCKET          Lower;
    SOCKET          Monitor;
    LPWSPPROC_TABLE Next;
} MON_SOCKET;

MON_SOCKET *MonLookup(SOCKET s);
SOCKET MonOpenCompanion(MON_SOCKET *ms, LPINT lpErrno);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    MON_SOCKET *ms;
    int         rc;
    int         savedErr;
    int         tempErr;

    ms = MonLookup(s);
    if (ms == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    ms->Monitor = MonOpenCompanion(ms, lpErrno);
    if (ms->Monitor == INVALID_SOCKET)
        return SOCKET_ERROR;

    rc = ms->Next->lpWSPConnect(ms->Lower, name, namelen, lpCallerData,
                                lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    if (rc == SOCKET_ERROR && *lpErrno != WSAEWOULDBLOCK)
    {
        savedErr = *lpErrno;
        ms->Next->lpWSPCloseSocket(ms->Monitor, &tempErr);
        ms->Monitor = INVALID_SOCKET;
        *lpErrno = savedErr;
    }
    return rc;
}

void
MonInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = WSPConnect;
}
