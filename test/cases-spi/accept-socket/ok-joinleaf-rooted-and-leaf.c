/* WSPJoinLeaf for both roles: the c_root adds a leaf and returns a new socket,
 * the c_leaf returns its own socket. name is validated first, the callee length
 * is written on every success path, the reply copy is bounded by the caller's
 * buffer, and only documented codes are stored. */
#include <winsock2.h>
#include <ws2spi.h>
#include "atmleaf.h"

extern WSPUPCALLTABLE gUpcalls;
extern DWORD gCatalogId;

static void
AtmReturnCalleeData(LPWSABUF callee, const ATM_SETUP_REPLY *reply)
{
    ULONG n;

    if (callee == NULL)
        return;
    n = reply->UserDataLength;
    if (n > callee->len)
        n = callee->len;
    if (n != 0)
        memcpy(callee->buf, reply->UserData, n);
    callee->len = n;
}

SOCKET WSPAPI
WSPJoinLeaf(SOCKET s, const struct sockaddr FAR *name, int namelen,
            LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
            LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    ATM_VC *vc;
    ATM_VC *leaf;
    ATM_SETUP_REPLY reply;
    SOCKET handle;

    UNREFERENCED_PARAMETER(lpGQOS);

    if (name == NULL || namelen < (int)sizeof(SOCKADDR_ATM)) {
        *lpErrno = WSAEFAULT;
        return INVALID_SOCKET;
    }
    if (name->sa_family != AF_ATM) {
        *lpErrno = WSAEAFNOSUPPORT;
        return INVALID_SOCKET;
    }
    if (lpSQOS != NULL && lpSQOS->ProviderSpecific.len != 0) {
        *lpErrno = WSAEOPNOTSUPP;
        return INVALID_SOCKET;
    }

    vc = AtmVcFromSocket(s);
    if (vc == NULL) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    if (vc->Joining) {
        *lpErrno = WSAEALREADY;
        return INVALID_SOCKET;
    }

    leaf = AtmAddParty(vc, (const SOCKADDR_ATM *)name, lpCallerData, lpSQOS, dwFlags, &reply);
    if (leaf == NULL) {
        *lpErrno = reply.Cause == ATM_CAUSE_REJECTED ? WSAECONNREFUSED : WSAENETUNREACH;
        return INVALID_SOCKET;
    }

    if (!vc->IsRoot) {
        /* c_leaf: "the returned socket descriptor is the same as the input
         * socket descriptor". */
        AtmReturnCalleeData(lpCalleeData, &reply);
        return s;
    }

    handle = gUpcalls.lpWPUCreateSocketHandle(gCatalogId, (DWORD_PTR)leaf, lpErrno);
    if (handle == INVALID_SOCKET) {
        AtmDropParty(leaf);
        return INVALID_SOCKET;
    }
    leaf->Handle = handle;
    AtmReturnCalleeData(lpCalleeData, &reply);
    return handle;
}
