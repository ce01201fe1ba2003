/*
 * Unbounded copies that are not into lpCalleeData->buf: into the provider's
 * own context (sized by sizeof), from lpCalleeData->buf into a large enough
 * log buffer, and inside WSPRecv, which is not a connect entry.
 */
#include <ws2spi.h>

#define LOG_MAX 256

typedef struct _AUDIT_SOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    SOCKADDR_IN     Target;
    CHAR            LastReply[LOG_MAX];
    CHAR            Pending[4096];
    ULONG           PendingLen;
} AUDIT_SOCK;

AUDIT_SOCK *AuditLookup(SOCKET s);

int WSPAPI
AuditRecv(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd,
          LPDWORD lpFlags, LPWSAOVERLAPPED lpOverlapped,
          LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
          LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    AUDIT_SOCK *as = AuditLookup(s);
    if (as == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    memcpy(lpBuffers[0].buf, as->Pending, as->PendingLen);
    *lpNumberOfBytesRecvd = as->PendingLen;
    return 0;
}

int WSPAPI
AuditConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
             LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
             LPQOS lpGQOS, LPINT lpErrno)
{
    AUDIT_SOCK *as = AuditLookup(s);
    int rc;

    if (as == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name != NULL && namelen >= (int)sizeof(SOCKADDR_IN))
        memcpy(&as->Target, name, sizeof(as->Target));

    rc = as->Next->lpWSPConnect(as->Lower, name, namelen, lpCallerData,
                                lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    if (rc == 0 && lpCalleeData != NULL && lpCalleeData->len < LOG_MAX)
        memcpy(as->LastReply, lpCalleeData->buf, lpCalleeData->len);
    return rc;
}

void
AuditInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPRecv    = AuditRecv;
    t->lpWSPConnect = AuditConnect;
}
