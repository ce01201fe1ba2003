/*
 * "return Helper(...)" style: the failure helper both records statistics and
 * produces the return value. When statistics are disabled it returns
 * SOCKET_ERROR before it reaches the store into the error slot.
 */
#include <ws2spi.h>

typedef struct _STATS {
    BOOL  Enabled;
    LONG  Failures;
} STATS;

static STATS gStats;

typedef struct _CONN_CTX {
    SOCKET        Lower;
    WSPPROC_TABLE Next;
    BOOL          Blocked;
} CONN_CTX;

CONN_CTX *LookupConn(SOCKET s);

static int
FailConnect(CONN_CTX *Ctx, int Code, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(Ctx);
    if (!gStats.Enabled)
        return SOCKET_ERROR;
    InterlockedIncrement(&gStats.Failures);
    *lpErrno = Code;
    return SOCKET_ERROR;
}

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
           LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    CONN_CTX *Ctx = LookupConn(s);

    if (Ctx == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (Ctx->Blocked)
        return FailConnect(Ctx, WSAECONNREFUSED, lpErrno); /* expect: errno-not-set */

    return Ctx->Next.lpWSPConnect(Ctx->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
