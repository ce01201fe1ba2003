/* "lpCalleeData->len initially contains the length of the buffer allocated by
 * the Windows Sockets SPI client ... The lpCalleeData->len is set to zero if no
 * user data has been passed back." The reply data is copied only when there is
 * some; otherwise the length keeps the buffer size and the caller reads garbage. */
#include <winsock2.h>
#include <ws2spi.h>
#include "atmleaf.h"

SOCKET WSPAPI
AtmJoinLeaf(SOCKET s, const struct sockaddr FAR *name, int namelen,
            LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
            LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    ATM_VC *root;
    ATM_VC *leaf;
    ATM_SETUP_REPLY reply;

    UNREFERENCED_PARAMETER(lpGQOS);

    root = AtmVcFromSocket(s);
    if (root == NULL) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_ATM)) {
        *lpErrno = WSAEFAULT;
        return INVALID_SOCKET;
    }

    leaf = AtmAddParty(root, (const SOCKADDR_ATM *)name, lpCallerData, lpSQOS, dwFlags, &reply);
    if (leaf == NULL) {
        *lpErrno = reply.Cause == ATM_CAUSE_REJECTED ? WSAECONNREFUSED : WSAENETUNREACH;
        return INVALID_SOCKET;
    }

    if (lpCalleeData != NULL && reply.UserDataLength != 0) {
        if (reply.UserDataLength > lpCalleeData->len) {
            AtmDropParty(leaf);
            *lpErrno = WSAEFAULT;
            return INVALID_SOCKET;
        }
        memcpy(lpCalleeData->buf, reply.UserData, reply.UserDataLength);
        lpCalleeData->len = reply.UserDataLength;
    }
    return leaf->Handle; /* expect: callee-len-not-set */
}

const WSPPROC_TABLE AtmProcTable = {
    .lpWSPJoinLeaf = AtmJoinLeaf,
};
