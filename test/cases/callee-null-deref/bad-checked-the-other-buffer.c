/*
 * A copy-and-paste slip: the NULL test is on lpCallerData, the dereference on
 * lpCalleeData. The alias "reply" carries the unchecked pointer.
 */
#include <ws2spi.h>

typedef struct _ECHO_SOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
} ECHO_SOCK;

ECHO_SOCK *EchoLookup(SOCKET s);
void EchoLogReply(const char *data, ULONG len);

int WSPAPI
EchoConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
            LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
            LPQOS lpGQOS, LPINT lpErrno)
{
    ECHO_SOCK *es;
    LPWSABUF   reply = lpCalleeData;
    int        rc;

    es = EchoLookup(s);
    if (es == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    rc = es->Next->lpWSPConnect(es->Lower, name, namelen, lpCallerData,
                                lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    if (rc == 0 && lpCallerData != NULL)
    {
        if (reply->len > 0) /* expect: callee-null-deref */
            EchoLogReply(reply->buf, reply->len);
    }
    return rc;
}

void
EchoInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = EchoConnect;
}
