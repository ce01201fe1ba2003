/*
 * Bounds written as a ternary and as a second loop condition.
 */
#include <ws2spi.h>

typedef struct _XOR_SOCK {
    UCHAR  Key;
    UCHAR  Wire[512];
    ULONG  WireLen;
    CHAR   Motd[128];
    ULONG  MotdLen;
    BOOL   Encoded;
} XOR_SOCK;

XOR_SOCK *XorLookup(SOCKET s);
int XorDial(XOR_SOCK *xs, const struct sockaddr *to, int tolen);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    XOR_SOCK *xs;
    ULONG i, n;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    xs = XorLookup(s);
    if (xs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (XorDial(xs, name, namelen) != 0) {
        *lpErrno = WSAETIMEDOUT;
        return SOCKET_ERROR;
    }

    if (lpCalleeData == NULL)
        return 0;

    if (xs->Encoded) {
        for (i = 0; i < xs->WireLen && i < lpCalleeData->len; i++)
            lpCalleeData->buf[i] = (CHAR)(xs->Wire[i] ^ xs->Key);
        lpCalleeData->len = i;
    } else {
        n = (lpCalleeData->len < xs->MotdLen) ? lpCalleeData->len : xs->MotdLen;
        CopyMemory(lpCalleeData->buf, xs->Motd, n);
        lpCalleeData->len = n;
    }
    return 0;
}
