/*
 * Failure exits written as a function-like macro defined in the same file. The
 * macro stores the code and returns; the reset case passes an undocumented one.
 */
#include <ws2spi.h>

#define CONNECT_FAIL(code)              \
    do {                                \
        if (lpErrno != NULL)            \
            *lpErrno = (code);          \
        return SOCKET_ERROR;            \
    } while (0)

typedef struct _TUN_SOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    BOOL            PeerReset;
    BOOL            Listening;
} TUN_SOCK;

TUN_SOCK *TunLookup(SOCKET s);

int WSPAPI
TunConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    TUN_SOCK *ts = TunLookup(s);

    if (ts == NULL)
        CONNECT_FAIL(WSAENOTSOCK);
    if (ts->Listening)
        CONNECT_FAIL(WSAEINVAL);
    if (ts->PeerReset)
        CONNECT_FAIL(WSAECONNRESET); /* expect: undocumented-error */

    return ts->Next->lpWSPConnect(ts->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}

void
TunInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = TunConnect;
}
