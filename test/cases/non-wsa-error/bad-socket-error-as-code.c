/*
 * Two ways SOCKET_ERROR ends up in the error slot: stored directly, and
 * through the rc variable that holds the return value.
 */
#include <ws2spi.h>

typedef struct _LSOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    BOOL            Draining;
    BOOL            Quota;
} LSOCK;

LSOCK *LsFind(SOCKET s);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    int rc = SOCKET_ERROR;
    LSOCK *ls = LsFind(s);

    if (ls == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        goto cleanup;
    }

    if (ls->Draining)
    {
        *lpErrno = SOCKET_ERROR; /* expect: non-wsa-error */
        goto cleanup;
    }

    if (ls->Quota)
    {
        *lpErrno = rc; /* expect: non-wsa-error */
        goto cleanup;
    }

    rc = ls->Next->lpWSPConnect(ls->Lower, name, namelen, lpCallerData,
                                lpCalleeData, lpSQOS, lpGQOS, lpErrno);

cleanup:
    return rc;
}
