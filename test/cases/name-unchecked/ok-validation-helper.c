/*
 * The checks live in a validation helper that returns FALSE for a NULL name or
 * a namelen too small for the family; the caller fails with WSAEFAULT before
 * it reads the address.
 */
#include <ws2spi.h>

typedef struct _VSOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    USHORT          Port;
} VSOCK;

VSOCK *VsLookup(SOCKET s);

static BOOL
IsValidSockaddr(const struct sockaddr *sa, int salen)
{
    if (sa == NULL)
        return FALSE;
    if (salen < (int)sizeof(SOCKADDR_IN))
        return FALSE;
    if (sa->sa_family == AF_INET6 && salen < (int)sizeof(SOCKADDR_IN6))
        return FALSE;
    return TRUE;
}

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    VSOCK *vs = VsLookup(s);

    if (vs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (!IsValidSockaddr(name, namelen)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    vs->Port = ((const SOCKADDR_IN *)name)->sin_port;

    return vs->Next->lpWSPConnect(vs->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
