/*
 * Provider ported from a POSIX socket library: the refusal path kept the errno
 * name instead of the Winsock code.
 */
#include <errno.h>
#include <ws2spi.h>

typedef struct _USOCK {
    int     fd;
    int     state;
    LPWSPPROC_TABLE next;
    SOCKET  lower;
} USOCK;

#define US_IDLE       0
#define US_CONNECTED  1

USOCK *us_lookup(SOCKET s);
int    us_policy_allows(const struct sockaddr *sa, int salen);

int WSPAPI
us_connect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    USOCK *us = us_lookup(s);

    if (us == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (us->state == US_CONNECTED) {
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (!us_policy_allows(name, namelen)) {
        *lpErrno = ECONNREFUSED; /* expect: non-wsa-error */
        return SOCKET_ERROR;
    }
    return us->next->lpWSPConnect(us->lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}

void
us_install(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = us_connect;
}
