/*
 * A compatibility LSP that normalises the lower provider's undocumented codes
 * into documented ones before returning. The undocumented names appear only
 * in comparisons.
 */
#include <ws2spi.h>

typedef struct _COMPAT_SOCKET {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
} COMPAT_SOCKET;

COMPAT_SOCKET *CompatLookup(SOCKET s);

int WSPAPI
CompatConnect(
    SOCKET                s,
    const struct sockaddr FAR * name,
    int                   namelen,
    LPWSABUF              lpCallerData,
    LPWSABUF              lpCalleeData,
    LPQOS                 lpSQOS,
    LPQOS                 lpGQOS,
    LPINT                 lpErrno
    )
{
    COMPAT_SOCKET *cs;
    int            rc;

    cs = CompatLookup(s);
    if (NULL == cs)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    rc = cs->Next->lpWSPConnect(cs->Lower, name, namelen, lpCallerData,
                                lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    if (SOCKET_ERROR == rc)
    {
        if (WSAEHOSTUNREACH == *lpErrno || WSAEHOSTDOWN == *lpErrno)
            *lpErrno = WSAENETUNREACH;
        else if (WSAECONNRESET == *lpErrno || WSAECONNABORTED == *lpErrno)
            *lpErrno = WSAECONNREFUSED;
    }
    return rc;
}

static WSPPROC_TABLE gCompatTable;

void
CompatInstall(const WSPPROC_TABLE *lower, LPWSPPROC_TABLE out)
{
    gCompatTable = *lower;
    gCompatTable.lpWSPConnect = CompatConnect;
    *out = gCompatTable;
}
