/*
 * Two ways of writing the error that must count as writes: a store guarded by
 * a NULL test of lpErrno, and stores through a local alias of lpErrno.
 */
#include <ws2spi.h>

typedef struct _TCTX {
    SOCKET        Lower;
    LPWSPPROC_TABLE Next;
    BOOL          Shutdown;
} TCTX;

TCTX *TctxLookup(SOCKET s);

int WSPAPI
WSPConnect(
    IN  SOCKET                s,
    IN  const struct sockaddr FAR *name,
    IN  int                   namelen,
    IN  LPWSABUF              lpCallerData OPTIONAL,
    OUT LPWSABUF              lpCalleeData OPTIONAL,
    IN  LPQOS                 lpSQOS OPTIONAL,
    IN  LPQOS                 lpGQOS OPTIONAL,
    OUT LPINT                 lpErrno
    )
{
    LPINT perr = lpErrno;
    TCTX *t;

    t = TctxLookup(s);
    if (t == NULL)
    {
        if (lpErrno != NULL)
        {
            *lpErrno = WSAENOTSOCK;
        }
        return SOCKET_ERROR;
    }

    if (t->Shutdown)
    {
        *perr = WSAENETDOWN;
        return SOCKET_ERROR;
    }

    if (t->Next == NULL)
    {
        if (perr) *perr = WSAENETDOWN;
        return SOCKET_ERROR;
    }

    return t->Next->lpWSPConnect(t->Lower, name, namelen, lpCallerData,
                                 lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
