// A c_leaf join returns the input socket ("a new socket descriptor is not
// allocated"). When the root sent no reply data, lpCalleeData->len still holds
// the size of the client's buffer instead of zero.
#include <winsock2.h>
#include <ws2spi.h>
#include "rooted_mp.h"

SOCKET WSPAPI WSPJoinLeaf(SOCKET s, const sockaddr FAR* name, int namelen,
                          LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                          LPQOS lpSQOS, LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);
    UNREFERENCED_PARAMETER(dwFlags);

    mp::Session* leaf = mp::Session::FromSocket(s);
    if (leaf == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return INVALID_SOCKET;
    }
    if (leaf->joined) {
        *lpErrno = WSAEISCONN;
        return INVALID_SOCKET;
    }

    mp::Reply reply;
    if (!leaf->JoinRoot(*reinterpret_cast<const SOCKADDR_IN*>(name), lpCallerData, reply)) {
        *lpErrno = WSAETIMEDOUT;
        return INVALID_SOCKET;
    }
    leaf->joined = true;

    if (lpCalleeData != nullptr && reply.length > 0) {
        ULONG n = reply.length < lpCalleeData->len ? reply.length : lpCalleeData->len;
        memcpy(lpCalleeData->buf, reply.data, n);
        lpCalleeData->len = n;
    }
    return s; // expect: callee-len-not-set
}
