/*
 * The NULL test exists but comes after the first dereference.
 */
#include <ws2spi.h>

typedef struct _GW_SOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    ULONG           BytesOffered;
} GW_SOCK;

GW_SOCK *GwLookup(SOCKET s);
void GwTrace(const char *fmt, ...);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    GW_SOCK *gw = GwLookup(s);

    if (gw == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    GwTrace("connect: %lu bytes of connect data\n", lpCallerData->len); /* expect: callee-null-deref */
    if (lpCallerData != NULL)
        gw->BytesOffered += lpCallerData->len;

    return gw->Next->lpWSPConnect(gw->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
