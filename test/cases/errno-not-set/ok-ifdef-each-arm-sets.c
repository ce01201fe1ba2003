/*
 * Platform-dependent address family support: each preprocessor arm sets its
 * own code before the common return.
 */
#include <ws2spi.h>

typedef struct _XSOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
} XSOCK;

XSOCK *XsFind(SOCKET s);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    XSOCK *xs = XsFind(s);

    if (xs == NULL) {
#if defined(XS_VERBOSE_ERRORS)
        *lpErrno = WSAENOTSOCK;
#elif defined(XS_LEGACY_ERRORS)
        *lpErrno = WSAEINVAL;
#else
        if (lpErrno)
            *lpErrno = WSAENOTSOCK;
#endif
        return SOCKET_ERROR;
    }

    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

#ifdef XS_NO_IPV6
    if (name->sa_family == AF_INET6) {
        *lpErrno = WSAEAFNOSUPPORT;
        return SOCKET_ERROR;
    }
#endif

    return xs->Next->lpWSPConnect(xs->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
