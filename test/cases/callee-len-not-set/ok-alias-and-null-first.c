/*
 * The provider leaves early (with success) when the caller passed no callee
 * buffer, and otherwise writes the length through a local alias.
 */
#include <ws2spi.h>

typedef struct _XS {
    CHAR  Greeting[64];
    ULONG GreetingLen;
    BOOL  Connected;
} XS;

XS  *XsLookup(SOCKET s);
BOOL XsDial(XS *xs, const struct sockaddr *to, int tolen);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    XS *xs;
    LPWSABUF reply;
    ULONG n;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    xs = XsLookup(s);
    if (xs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (!XsDial(xs, name, namelen)) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    xs->Connected = TRUE;

    if (lpCalleeData == NULL)
        return 0;

    reply = lpCalleeData;
    n = xs->GreetingLen < reply->len ? xs->GreetingLen : reply->len;
    memcpy(reply->buf, xs->Greeting, n);
    reply->len = n;
    return 0;
}
