/*
 * A byte loop that decodes the peer's reply straight into the caller's buffer,
 * running to the end of the reply.
 */
#include <ws2spi.h>

typedef struct _XOR_SOCK {
    UCHAR  Key;
    UCHAR  Wire[512];
    ULONG  WireLen;
} XOR_SOCK;

XOR_SOCK *XorLookup(SOCKET s);
int XorDial(XOR_SOCK *xs, const struct sockaddr *to, int tolen);

int WSPAPI
XorConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    XOR_SOCK *xs;
    ULONG i;

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

    for (i = 0; i < xs->WireLen; i++) lpCalleeData->buf[i] = (CHAR)(xs->Wire[i] ^ xs->Key); /* expect: callee-unbounded-copy */
    lpCalleeData->len = xs->WireLen;
    return 0;
}

void
XorInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = XorConnect;
}
