// "If lpCalleeData is NULL, no user data will be passed back": WSAJoinLeaf
// callers usually pass NULL. The length is cleared without a test.
#include <winsock2.h>
#include <ws2spi.h>
#include "rooted_mp.h"

SOCKET WSPAPI WSPJoinLeaf(SOCKET s, const sockaddr FAR* name, int namelen,
                          LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                          LPQOS lpSQOS, LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    mp::Session* root = mp::Session::FromSocket(s);
    if (root == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return INVALID_SOCKET;
    }

    lpCalleeData->len = 0; // expect: callee-null-deref

    mp::Leaf* leaf = root->CreateLeaf(*reinterpret_cast<const SOCKADDR_IN*>(name), dwFlags);
    if (leaf == nullptr) {
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    if (!leaf->JoinAndWait()) {
        root->DestroyLeaf(leaf);
        *lpErrno = WSAECONNREFUSED;
        return INVALID_SOCKET;
    }
    return leaf->handle;
}
