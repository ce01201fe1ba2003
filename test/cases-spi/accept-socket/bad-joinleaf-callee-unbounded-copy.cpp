// The peer's join reply is copied into the caller's buffer with the peer's
// length: lpCalleeData->len is the size the client allocated and is never read.
#include <winsock2.h>
#include <ws2spi.h>
#include <cstring>
#include "rooted_mp.h"

SOCKET WSPAPI WSPJoinLeaf(SOCKET s, const sockaddr FAR* name, int namelen,
                          LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                          LPQOS lpSQOS, LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    mp::Session* root = mp::Session::FromSocket(s);
    if (!root) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    if (!name || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return INVALID_SOCKET;
    }

    mp::Leaf* leaf = root->CreateLeaf(*reinterpret_cast<const SOCKADDR_IN*>(name), dwFlags);
    if (!leaf) {
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    if (lpCallerData && lpCallerData->len)
        leaf->SetJoinData(lpCallerData->buf, lpCallerData->len);
    if (!leaf->JoinAndWait()) {
        root->DestroyLeaf(leaf);
        *lpErrno = WSAECONNREFUSED;
        return INVALID_SOCKET;
    }

    if (lpCalleeData) {
        const mp::Reply& r = leaf->reply;
        std::memcpy(lpCalleeData->buf, r.data, r.length); // expect: callee-unbounded-copy
        lpCalleeData->len = r.length;
    }
    return leaf->handle;
}
