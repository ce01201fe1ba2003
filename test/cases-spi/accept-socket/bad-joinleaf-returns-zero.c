/* WSPJoinLeaf copied from the provider's WSPConnect: the success return kept
 * WSPConnect's 0, but WSPJoinLeaf returns the multipoint socket descriptor. */
#include <winsock2.h>
#include <ws2spi.h>
#include "mcast.h"

SOCKET WSPAPI
WSPJoinLeaf(
    SOCKET s,
    const struct sockaddr FAR *name,
    int namelen,
    LPWSABUF lpCallerData,
    LPWSABUF lpCalleeData,
    LPQOS lpSQOS,
    LPQOS lpGQOS,
    DWORD dwFlags,
    LPINT lpErrno)
{
    MC_SOCKET *mc;

    UNREFERENCED_PARAMETER(lpGQOS);

    if (lpCallerData != NULL && lpCallerData->len != 0) {
        *lpErrno = WSAEOPNOTSUPP;     /* no join data on IP multicast */
        return INVALID_SOCKET;
    }
    if (lpSQOS != NULL) {
        *lpErrno = WSAEOPNOTSUPP;
        return INVALID_SOCKET;
    }

    mc = McFindSocket(s);
    if (mc == NULL) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        *lpErrno = WSAEFAULT;
        return INVALID_SOCKET;
    }
    if (((const SOCKADDR_IN *)name)->sin_family != AF_INET) {
        *lpErrno = WSAEAFNOSUPPORT;
        return INVALID_SOCKET;
    }

    if (McAddMembership(mc, &((const SOCKADDR_IN *)name)->sin_addr, dwFlags) != 0) {
        *lpErrno = WSAEADDRNOTAVAIL;
        return INVALID_SOCKET;
    }

    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return 0; /* expect: bad-return-value */
}
