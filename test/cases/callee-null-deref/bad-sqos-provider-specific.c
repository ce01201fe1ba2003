/*
 * The provider looks for provider-specific QoS objects. The check for a
 * provider-specific buffer dereferences lpSQOS without a NULL test.
 */
#include <ws2spi.h>
#include <qos.h>

typedef struct _TC_SOCKET {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    ULONG           Dscp;
} TC_SOCKET;

TC_SOCKET *TcLookup(SOCKET s);
int TcParseObjects(TC_SOCKET *tc, const char *buf, ULONG len);

int WSPAPI
WSPConnect(
    __in SOCKET s,
    __in_bcount(namelen) const struct sockaddr *name,
    __in int namelen,
    __in_opt LPWSABUF lpCallerData,
    __out_opt LPWSABUF lpCalleeData,
    __in_opt LPQOS lpSQOS,
    __reserved LPQOS lpGQOS,
    __out LPINT lpErrno
    )
{
    TC_SOCKET *tc = TcLookup(s);

    if (tc == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (lpSQOS->ProviderSpecific.len != 0) /* expect: callee-null-deref */
    {
        if (TcParseObjects(tc, lpSQOS->ProviderSpecific.buf, lpSQOS->ProviderSpecific.len) != 0)
        {
            *lpErrno = WSAEOPNOTSUPP;
            return SOCKET_ERROR;
        }
    }

    return tc->Next->lpWSPConnect(tc->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
