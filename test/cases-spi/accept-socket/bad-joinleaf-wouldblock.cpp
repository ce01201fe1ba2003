// WSPJoinLeaf on a nonblocking socket: the code below follows WSPConnect's
// "WSAEWOULDBLOCK, then FD_CONNECT" habit. WSPJoinLeaf does not list
// WSAEWOULDBLOCK: a nonblocking join returns a valid socket and reports later.
#include <winsock2.h>
#include <ws2spi.h>
#include "rooted_mp.h"

namespace mp {

SOCKET WSPAPI Session::JoinLeaf(SOCKET s, const sockaddr FAR* name, int namelen,
                                LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                LPQOS lpSQOS, LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    Session* root = Session::FromSocket(s);
    if (!root) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    if (!name || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return INVALID_SOCKET;
    }
    if (root->joining) {
        *lpErrno = WSAEALREADY;
        return INVALID_SOCKET;
    }

    Leaf* leaf = root->CreateLeaf(*reinterpret_cast<const SOCKADDR_IN*>(name), dwFlags);
    if (!leaf) {
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    if (lpCallerData && lpCallerData->len)
        leaf->SetJoinData(lpCallerData->buf, lpCallerData->len);

    if (root->nonBlocking) {
        root->joining = true;
        leaf->StartJoinAsync(root->asyncWindow, root->asyncMessage);
        *lpErrno = WSAEWOULDBLOCK; // expect: undocumented-error
        return INVALID_SOCKET;
    }

    if (!leaf->JoinAndWait()) {
        root->DestroyLeaf(leaf);
        *lpErrno = WSAETIMEDOUT;
        return INVALID_SOCKET;
    }
    if (lpCalleeData)
        lpCalleeData->len = 0;
    return leaf->handle;
}

void Session::Install(LPWSPPROC_TABLE table)
{
    table->lpWSPJoinLeaf = &Session::JoinLeaf;
}

} // namespace mp
