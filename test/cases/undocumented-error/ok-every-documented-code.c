/*
 * A status translation local to the connect path that produces every one of
 * the nineteen codes the WSPConnect page documents, and nothing else.
 */
#include <ws2spi.h>

typedef enum _XP_STATUS {
    XP_OK, XP_NETDOWN, XP_ADDRINUSE, XP_INTR, XP_INPROGRESS, XP_ALREADY,
    XP_BADADDR, XP_BADFAMILY, XP_REFUSED, XP_FAULT, XP_LISTENING, XP_ISCONN,
    XP_NETUNREACH, XP_NOBUFS, XP_NOTSOCK, XP_QOS, XP_NODATA, XP_TIMEOUT,
    XP_PENDING, XP_BROADCAST
} XP_STATUS;

typedef struct _XP_SOCKET {
    PVOID Transport;
} XP_SOCKET;

XP_SOCKET *XpLookup(SOCKET s);
XP_STATUS  XpConnect(XP_SOCKET *xs, const struct sockaddr *name, int namelen);

static int
ConnectErrorFromStatus(XP_STATUS st)
{
    switch (st) {
    case XP_NETDOWN:     return WSAENETDOWN;
    case XP_ADDRINUSE:   return WSAEADDRINUSE;
    case XP_INTR:        return WSAEINTR;
    case XP_INPROGRESS:  return WSAEINPROGRESS;
    case XP_ALREADY:     return WSAEALREADY;
    case XP_BADADDR:     return WSAEADDRNOTAVAIL;
    case XP_BADFAMILY:   return WSAEAFNOSUPPORT;
    case XP_REFUSED:     return WSAECONNREFUSED;
    case XP_FAULT:       return WSAEFAULT;
    case XP_LISTENING:   return WSAEINVAL;
    case XP_ISCONN:      return WSAEISCONN;
    case XP_NETUNREACH:  return WSAENETUNREACH;
    case XP_NOBUFS:      return WSAENOBUFS;
    case XP_NOTSOCK:     return WSAENOTSOCK;
    case XP_QOS:         return WSAEOPNOTSUPP;
    case XP_NODATA:      return WSAEPROTONOSUPPORT;
    case XP_TIMEOUT:     return WSAETIMEDOUT;
    case XP_PENDING:     return WSAEWOULDBLOCK;
    case XP_BROADCAST:   return WSAEACCES;
    default:             return WSAENETDOWN;
    }
}

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    XP_SOCKET *xs;
    XP_STATUS st;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    xs = XpLookup(s);
    if (xs == NULL) {
        *lpErrno = ConnectErrorFromStatus(XP_NOTSOCK);
        return SOCKET_ERROR;
    }

    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = ConnectErrorFromStatus(XP_FAULT);
        return SOCKET_ERROR;
    }

    st = XpConnect(xs, name, namelen);
    if (st != XP_OK) {
        *lpErrno = ConnectErrorFromStatus(st);
        return SOCKET_ERROR;
    }

    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return 0;
}
