/*
 * The lookup helper writes the error only when it fails, and fails exactly
 * when it returns NULL. The caller returns SOCKET_ERROR only on NULL, so every
 * failing path has an error code (the helper's success path does not need one).
 */
#include <ws2spi.h>

typedef struct _ENDPOINT {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    LONG            Refs;
    BOOL            Dead;
} ENDPOINT, *PENDPOINT;

#define MAX_ENDPOINTS 1024
static PENDPOINT gEndpoints[MAX_ENDPOINTS];

static PENDPOINT
ReferenceEndpoint(SOCKET s, LPINT lpErrno)
{
    PENDPOINT ep;

    if ((ULONG_PTR)s >= MAX_ENDPOINTS) {
        *lpErrno = WSAENOTSOCK;
        return NULL;
    }
    ep = gEndpoints[s];
    if (ep == NULL || ep->Dead) {
        *lpErrno = WSAENOTSOCK;
        return NULL;
    }
    InterlockedIncrement(&ep->Refs);
    return ep;
}

static void
ReleaseEndpoint(PENDPOINT ep)
{
    InterlockedDecrement(&ep->Refs);
}

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    PENDPOINT ep;
    int rc;

    ep = ReferenceEndpoint(s, lpErrno);
    if (ep == NULL)
        return SOCKET_ERROR;

    rc = ep->Next->lpWSPConnect(ep->Lower, name, namelen, lpCallerData,
                                lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    ReleaseEndpoint(ep);
    return rc;
}
