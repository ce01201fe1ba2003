/*
 * The destination is taken into a local first; the copy through the local is
 * just as unbounded.
 */
#include <ws2spi.h>

typedef struct _TLS_SOCK {
    UCHAR  ServerHello[2048];
    ULONG  ServerHelloLen;
    BOOL   Ready;
} TLS_SOCK;

TLS_SOCK *TlsLookup(SOCKET s);
int TlsStart(TLS_SOCK *ts, const struct sockaddr *to, int tolen);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    TLS_SOCK *ts;
    char     *dst;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    ts = TlsLookup(s);
    if (ts == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (TlsStart(ts, name, namelen) != 0) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    ts->Ready = TRUE;

    if (lpCalleeData != NULL) {
        dst = lpCalleeData->buf;
        memcpy(dst, ts->ServerHello, ts->ServerHelloLen); /* expect: callee-unbounded-copy */
        lpCalleeData->len = ts->ServerHelloLen;
    }
    return 0;
}
