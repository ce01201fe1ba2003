/* The leaf remembers the group address with the caller's length before either
 * is validated: the spec's WSAEFAULT case ("namelen parameter is too small"). */
#include <winsock2.h>
#include <ws2spi.h>
#include "mcast.h"

SOCKET WSPAPI
WSPJoinLeaf(SOCKET s, const struct sockaddr FAR *name, int namelen,
            LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
            LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    MC_SOCKET *mc;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    mc = McFindSocket(s);
    if (mc == NULL) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }

    memcpy(&mc->Group, name, namelen); /* expect: name-unchecked */
    mc->GroupLen = namelen;

    if (McAddMembership(mc, &mc->Group.sin_addr, dwFlags) != 0) {
        *lpErrno = WSAEADDRNOTAVAIL;
        return INVALID_SOCKET;
    }

    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return s;
}
