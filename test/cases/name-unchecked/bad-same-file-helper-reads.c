/*
 * A small helper in the same file reads the address; calling it is the first
 * unchecked use of name.
 */
#include <ws2spi.h>

typedef struct _LB_CTX {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    BOOL            LoopbackFastPath;
} LB_CTX;

LB_CTX *LbLookup(SOCKET s);
int LbConnectLocal(LB_CTX *lb, const struct sockaddr *to, int tolen);

static BOOL
IsLoopbackAddress(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET)
        return ((const SOCKADDR_IN *)sa)->sin_addr.s_addr == htonl(INADDR_LOOPBACK);
    if (sa->sa_family == AF_INET6)
        return IN6_IS_ADDR_LOOPBACK(&((const SOCKADDR_IN6 *)sa)->sin6_addr);
    return FALSE;
}

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    LB_CTX *lb = LbLookup(s);

    if (lb == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (lb->LoopbackFastPath && IsLoopbackAddress(name)) { /* expect: name-unchecked */
        if (LbConnectLocal(lb, name, namelen) != 0) {
            *lpErrno = WSAECONNREFUSED;
            return SOCKET_ERROR;
        }
        if (lpCalleeData != NULL)
            lpCalleeData->len = 0;
        return 0;
    }

    return lb->Next->lpWSPConnect(lb->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
