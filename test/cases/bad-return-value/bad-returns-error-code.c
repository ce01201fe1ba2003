/*
 * A provider that returns the Winsock code itself instead of SOCKET_ERROR
 * (after storing it): callers test for SOCKET_ERROR and treat 10061 as success.
 */
#include <ws2spi.h>

typedef struct _BSOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    BOOL            Blocked;
} BSOCK;

BSOCK *BsLookup(SOCKET s);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    BSOCK *bs = BsLookup(s);

    if (bs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (bs->Blocked) {
        *lpErrno = WSAECONNREFUSED;
        return WSAECONNREFUSED; /* expect: bad-return-value */
    }

    return bs->Next->lpWSPConnect(bs->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
